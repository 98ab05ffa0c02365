import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { veedFabric10, RED_CIRCLE_PNG, SILENT_WAV } from './veed-fabric-1-0.generator';

describeSnapshotCheck(veedFabric10, __dirname);

runConformanceSuite(veedFabric10, {
  invalidInputs: [
    { input: { image_url: RED_CIRCLE_PNG, resolution: '480p' }, field: 'audio_url' },
    { input: { audio_url: SILENT_WAV, image_url: RED_CIRCLE_PNG }, field: 'resolution' },
    { input: { audio_url: SILENT_WAV, image_url: RED_CIRCLE_PNG, resolution: '1080p' }, field: 'resolution' },
  ],
});

describe('veed-fabric-1-0 mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'veed-fabric-1-0', settings: emulator.settings });
    const input = { audio_url: SILENT_WAV, image_url: RED_CIRCLE_PNG, resolution: '480p' as const };
    const { artifacts } = await veedFabric10.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/veed/fabric-1.0');
    expect(submit?.body).toEqual({ audio_url: expect.stringMatching(/^https?:\/\//), image_url: expect.stringMatching(/^https?:\/\//), resolution: '480p' });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(veedFabric10.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price is unknown') });
  });
});
