import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { sora2ImageToVideo, RED_CIRCLE_PNG } from './sora-2-image-to-video.generator';

describeSnapshotCheck(sora2ImageToVideo, __dirname);

runConformanceSuite(sora2ImageToVideo, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_url' },
    { input: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('sora-2-image-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'sora-2-image-to-video', settings: emulator.settings });
    const input = { image_url: RED_CIRCLE_PNG, prompt: 'a lighthouse at dusk' };
    const { artifacts } = await sora2ImageToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/sora-2/image-to-video');
    expect(submit?.body).toEqual({
      image_url: expect.stringMatching(/^https?:\/\//),
      prompt: 'a lighthouse at dusk',
      aspect_ratio: 'auto',
      delete_video: true,
      duration: '4',
      model: 'sora-2',
      resolution: 'auto',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(sora2ImageToVideo.estimateCost(input)).toMatchObject({ known: true, micros: 400_000 });
  });

  it.each([
    [{ duration: '8' }, 800_000],
    [{ duration: '12' }, 1_200_000],
  ])('prices %j from the input sent', (extra, micros) => {
    expect(sora2ImageToVideo.estimateCost({ ...sora2ImageToVideo.cheapestInput, ...extra })).toMatchObject({ known: true, micros });
  });

  it('prices the cheapest live input', () => {
    expect(sora2ImageToVideo.estimateCost(sora2ImageToVideo.cheapestInput)).toMatchObject({ known: true, micros: 400_000 });
  });
});
