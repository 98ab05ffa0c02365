import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { grokImagineVideoExtendVideo, RED_CIRCLE_MP4_2S } from './grok-imagine-video-extend-video.generator';

describeSnapshotCheck(grokImagineVideoExtendVideo, __dirname);

runConformanceSuite(grokImagineVideoExtendVideo, {
  invalidInputs: [{ input: { video_url: RED_CIRCLE_MP4_2S }, field: 'prompt' }],
});

describe('grok-imagine-video-extend-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'grok-imagine-video-extend-video', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk', video_url: RED_CIRCLE_MP4_2S };
    const { artifacts } = await grokImagineVideoExtendVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/xai/grok-imagine-video/extend-video');
    expect(submit?.body).toEqual({ prompt: 'a lighthouse at dusk', video_url: expect.stringMatching(/^https?:\/\//), duration: 6 });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(grokImagineVideoExtendVideo.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per second is unknown') });
  });
});
