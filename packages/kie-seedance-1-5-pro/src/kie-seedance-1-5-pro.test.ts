import { createTestContext, runConformanceSuite, useEmulator, describeSnapshotCheck } from '@boards/testing';
import { kieSeedance15Pro } from './kie-seedance-1-5-pro.generator';

describeSnapshotCheck(kieSeedance15Pro, __dirname);

runConformanceSuite(kieSeedance15Pro, {
  invalidInputs: [
    { input: { duration: 4 }, field: 'prompt' },
    { input: { prompt: 'waves', duration: 3 }, field: 'duration' },
    { input: { prompt: 'waves', duration: 4.5 }, field: 'duration' },
    { input: { prompt: 'waves', resolution: '4k' }, field: 'resolution' },
    { input: { prompt: 'waves', aspect_ratio: '2:1' }, field: 'aspect_ratio' },
    { input: { prompt: 'waves', input_urls: ['a.png', 'b.png', 'c.png'] }, field: 'input_urls' },
  ],
});

describe('kie-seedance-1-5-pro mapping', () => {
  const emulator = useEmulator();

  it('sends every billed field and stores the MP4 with its duration and size read from the file', async () => {
    const ctx = createTestContext({ generatorId: 'kie-seedance-1-5-pro', settings: emulator.settings });
    const { artifacts } = await kieSeedance15Pro.generate({ prompt: 'waves rolling onto a beach', duration: 6, aspect_ratio: '9:16' }, ctx);
    const task = emulator.current.requestsFor('kie').find((r) => r.operation === 'createTask');
    expect(task?.body).toEqual({
      model: 'bytedance/seedance-1.5-pro',
      input: { prompt: 'waves rolling onto a beach', duration: 6, aspect_ratio: '9:16', resolution: '720p', generate_audio: false },
    });
    expect(artifacts).toEqual([expect.objectContaining({ type: 'video', mimeType: 'video/mp4', durationSeconds: 6, width: 720, height: 1280 })]);
  });

  it.each([
    [{ duration: 4, resolution: '480p' }, 60_000],
    [{ duration: 6 }, 210_000],
    [{ duration: 6, generate_audio: true }, 420_000],
    [{ duration: 12, resolution: '1080p' }, 900_000],
  ])('prices %j per second of video at its resolution rate', (extra, micros) => {
    expect(kieSeedance15Pro.estimateCost({ prompt: 'waves', ...extra })).toMatchObject({ known: true, micros });
  });
});
