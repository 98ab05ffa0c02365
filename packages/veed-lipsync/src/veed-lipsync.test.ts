import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { veedLipsync, RED_CIRCLE_MP4, SILENT_WAV } from './veed-lipsync.generator';

describeSnapshotCheck(veedLipsync, __dirname);

runConformanceSuite(veedLipsync, {
  invalidInputs: [
    { input: { video_url: RED_CIRCLE_MP4 }, field: 'audio_url' },
    { input: { audio_url: SILENT_WAV }, field: 'video_url' },
  ],
});

describe('veed-lipsync mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'veed-lipsync', settings: emulator.settings });
    const input = { audio_url: SILENT_WAV, video_url: RED_CIRCLE_MP4 };
    const { artifacts } = await veedLipsync.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/veed/lipsync');
    expect(submit?.body).toEqual({ audio_url: expect.stringMatching(/^https?:\/\//), video_url: expect.stringMatching(/^https?:\/\//) });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(veedLipsync.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price is unknown') });
  });
});
