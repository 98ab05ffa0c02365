import { createTestContext, runConformanceSuite, useEmulator, describeSnapshotCheck } from '@boards/testing';
import { kieSeedream45 } from './kie-seedream-4-5.generator';

describeSnapshotCheck(kieSeedream45, __dirname);

runConformanceSuite(kieSeedream45, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'x'.repeat(3001) }, field: 'prompt' },
    { input: { prompt: 'a fox', aspect_ratio: '5:4' }, field: 'aspect_ratio' },
    { input: { prompt: 'a fox', quality: '4k' }, field: 'quality' },
  ],
});

describe('kie-seedream-4-5 mapping', () => {
  const emulator = useEmulator();

  it('always sends the three fields Kie requires and stores the 2K image', async () => {
    const ctx = createTestContext({ generatorId: 'kie-seedream-4-5', settings: emulator.settings });
    const { artifacts } = await kieSeedream45.generate({ prompt: 'a fox', aspect_ratio: '16:9' }, ctx);
    const task = emulator.current.requestsFor('kie').find((r) => r.operation === 'createTask');
    expect(task?.body).toEqual({ model: 'seedream/4.5-text-to-image', input: { prompt: 'a fox', aspect_ratio: '16:9', quality: 'basic' } });
    expect(artifacts).toEqual([expect.objectContaining({ type: 'image', mimeType: 'image/png', width: 2688, height: 1536 })]);
  });

  it.each([
    [{}, 25_000],
    [{ quality: 'high' }, 40_000],
  ])('prices %j in Kie credits (5 basic, 8 high, $0.005 each)', (extra, micros) => {
    expect(kieSeedream45.estimateCost({ prompt: 'a fox', ...extra })).toMatchObject({ known: true, micros });
  });
});
