import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { veo31FirstLastFrameToVideo, RED_CIRCLE_PNG } from './veo3-1-first-last-frame-to-video.generator';

describeSnapshotCheck(veo31FirstLastFrameToVideo, __dirname);

runConformanceSuite(veo31FirstLastFrameToVideo, {
  invalidInputs: [
    { input: { last_frame_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background' }, field: 'first_frame_url' },
    {
      input: { first_frame_url: RED_CIRCLE_PNG, last_frame_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' },
      field: 'aspect_ratio',
    },
  ],
});

describe('veo3-1-first-last-frame-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'veo3-1-first-last-frame-to-video', settings: emulator.settings });
    const input = { first_frame_url: RED_CIRCLE_PNG, last_frame_url: RED_CIRCLE_PNG, prompt: 'a lighthouse at dusk' };
    const { artifacts } = await veo31FirstLastFrameToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/veo3.1/first-last-frame-to-video');
    expect(submit?.body).toEqual({
      first_frame_url: expect.stringMatching(/^https?:\/\//),
      last_frame_url: expect.stringMatching(/^https?:\/\//),
      prompt: 'a lighthouse at dusk',
      aspect_ratio: 'auto',
      duration: '8s',
      generate_audio: true,
      resolution: '720p',
      safety_tolerance: '4',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(veo31FirstLastFrameToVideo.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per second is unknown') });
  });
});
