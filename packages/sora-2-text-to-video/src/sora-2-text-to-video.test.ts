import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { sora2TextToVideo } from './sora-2-text-to-video.generator';

describeSnapshotCheck(sora2TextToVideo, __dirname);

runConformanceSuite(sora2TextToVideo, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('sora-2-text-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'sora-2-text-to-video', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk' };
    const { artifacts } = await sora2TextToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/sora-2/text-to-video');
    expect(submit?.body).toEqual({
      prompt: 'a lighthouse at dusk',
      aspect_ratio: '16:9',
      delete_video: true,
      duration: '4',
      model: 'sora-2',
      resolution: '720p',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(sora2TextToVideo.estimateCost(input)).toMatchObject({ known: true, micros: 400_000 });
  });

  it.each([
    [{ duration: '8' }, 800_000],
    [{ duration: '20' }, 2_000_000],
  ])('prices %j from the input sent', (extra, micros) => {
    expect(sora2TextToVideo.estimateCost({ ...sora2TextToVideo.cheapestInput, ...extra })).toMatchObject({ known: true, micros });
  });

  it('prices the cheapest live input', () => {
    expect(sora2TextToVideo.estimateCost(sora2TextToVideo.cheapestInput)).toMatchObject({ known: true, micros: 400_000 });
  });
});
