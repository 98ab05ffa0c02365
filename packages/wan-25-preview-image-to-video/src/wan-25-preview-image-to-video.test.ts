import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { wan25PreviewImageToVideo, RED_CIRCLE_PNG } from './wan-25-preview-image-to-video.generator';

describeSnapshotCheck(wan25PreviewImageToVideo, __dirname);

runConformanceSuite(wan25PreviewImageToVideo, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_url' },
    { input: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', duration: 'not-a-value' }, field: 'duration' },
  ],
});

describe('wan-25-preview-image-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'wan-25-preview-image-to-video', settings: emulator.settings });
    const input = { image_url: RED_CIRCLE_PNG, prompt: 'a lighthouse at dusk' };
    const { artifacts } = await wan25PreviewImageToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/wan-25-preview/image-to-video');
    expect(submit?.body).toEqual({
      image_url: expect.stringMatching(/^https?:\/\//),
      prompt: 'a lighthouse at dusk',
      duration: '5',
      enable_prompt_expansion: true,
      enable_safety_checker: true,
      resolution: '1080p',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(wan25PreviewImageToVideo.estimateCost(input)).toMatchObject({ known: true, micros: 750_000 });
  });

  it('prices each second of output at the rate of the resolution sent', () => {
    const input = { image_url: RED_CIRCLE_PNG, prompt: 'a lighthouse at dusk', duration: '10', resolution: '720p' };
    expect(wan25PreviewImageToVideo.estimateCost(input)).toMatchObject({ known: true, micros: 1_000_000, basis: '10 second x $0.10' });
  });
});
