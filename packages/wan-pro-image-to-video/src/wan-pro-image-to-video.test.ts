import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { wanProImageToVideo, RED_CIRCLE_PNG } from './wan-pro-image-to-video.generator';

describeSnapshotCheck(wanProImageToVideo, __dirname);

runConformanceSuite(wanProImageToVideo, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_url' },
    { input: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', seed: 1.5 }, field: 'seed' },
  ],
});

describe('wan-pro-image-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'wan-pro-image-to-video', settings: emulator.settings });
    const input = { image_url: RED_CIRCLE_PNG, prompt: 'a lighthouse at dusk' };
    const { artifacts } = await wanProImageToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/wan-pro/image-to-video');
    expect(submit?.body).toEqual({ image_url: expect.stringMatching(/^https?:\/\//), prompt: 'a lighthouse at dusk', enable_safety_checker: true });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(wanProImageToVideo.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price is unknown: fal') });
  });
});
