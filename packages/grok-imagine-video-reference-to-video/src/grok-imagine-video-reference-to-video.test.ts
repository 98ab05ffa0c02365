import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { grokImagineVideoReferenceToVideo, RED_CIRCLE_PNG } from './grok-imagine-video-reference-to-video.generator';

describeSnapshotCheck(grokImagineVideoReferenceToVideo, __dirname);

runConformanceSuite(grokImagineVideoReferenceToVideo, {
  invalidInputs: [
    { input: { reference_image_urls: [RED_CIRCLE_PNG] }, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', reference_image_urls: [RED_CIRCLE_PNG], aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
    { input: { prompt: 'a red circle on a white background', reference_image_urls: [RED_CIRCLE_PNG], duration: 11 }, field: 'duration' },
    { input: { prompt: 'a red circle on a white background', reference_image_urls: [] }, field: 'reference_image_urls' },
  ],
});

describe('grok-imagine-video-reference-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'grok-imagine-video-reference-to-video', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk', reference_image_urls: [RED_CIRCLE_PNG] };
    const { artifacts } = await grokImagineVideoReferenceToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/xai/grok-imagine-video/reference-to-video');
    expect(submit?.body).toEqual({
      prompt: 'a lighthouse at dusk',
      reference_image_urls: [expect.stringMatching(/^https?:\/\//)],
      aspect_ratio: '16:9',
      duration: 8,
      resolution: '480p',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(grokImagineVideoReferenceToVideo.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per second is unknown') });
  });
});
