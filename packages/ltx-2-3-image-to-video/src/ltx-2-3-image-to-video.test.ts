import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { ltx23ImageToVideo, RED_CIRCLE_PNG } from './ltx-2-3-image-to-video.generator';

describeSnapshotCheck(ltx23ImageToVideo, __dirname);

runConformanceSuite(ltx23ImageToVideo, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_url' },
    { input: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('ltx-2-3-image-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'ltx-2-3-image-to-video', settings: emulator.settings });
    const input = { image_url: RED_CIRCLE_PNG, prompt: 'a lighthouse at dusk' };
    const { artifacts } = await ltx23ImageToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/ltx-2.3/image-to-video');
    expect(submit?.body).toEqual({
      image_url: expect.stringMatching(/^https?:\/\//),
      prompt: 'a lighthouse at dusk',
      aspect_ratio: 'auto',
      duration: '6',
      fps: '25',
      generate_audio: true,
      resolution: '1080p',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(ltx23ImageToVideo.estimateCost(input)).toMatchObject({ known: true, micros: 360_000 });
  });

  it('prices each second of output at the rate of the resolution sent', () => {
    const input = { image_url: RED_CIRCLE_PNG, prompt: 'a lighthouse at dusk', duration: '10', resolution: '1440p' };
    expect(ltx23ImageToVideo.estimateCost(input)).toMatchObject({ known: true, micros: 1_200_000, basis: '10 second x $0.12' });
  });
});
