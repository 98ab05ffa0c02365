import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { klingVideoAiAvatarV2Pro, RED_CIRCLE_PNG, SILENT_WAV } from './kling-video-ai-avatar-v2-pro.generator';

describeSnapshotCheck(klingVideoAiAvatarV2Pro, __dirname);

runConformanceSuite(klingVideoAiAvatarV2Pro, {
  invalidInputs: [{ input: { image_url: RED_CIRCLE_PNG }, field: 'audio_url' }],
});

describe('kling-video-ai-avatar-v2-pro mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'kling-video-ai-avatar-v2-pro', settings: emulator.settings });
    const input = { audio_url: SILENT_WAV, image_url: RED_CIRCLE_PNG };
    const { artifacts } = await klingVideoAiAvatarV2Pro.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/kling-video/ai-avatar/v2/pro');
    expect(submit?.body).toEqual({ audio_url: expect.stringMatching(/^https?:\/\//), image_url: expect.stringMatching(/^https?:\/\//), prompt: '.' });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(klingVideoAiAvatarV2Pro.estimateCost(input)).toEqual({
      known: false,
      reason: expect.stringContaining('whose length follows the audio sent; the price is unknown: fal'),
    });
  });
});
