import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { veo31ReferenceToVideo, RED_CIRCLE_PNG } from './veo3-1-reference-to-video.generator';

describeSnapshotCheck(veo31ReferenceToVideo, __dirname);

runConformanceSuite(veo31ReferenceToVideo, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_urls' },
    { input: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('veo3-1-reference-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'veo3-1-reference-to-video', settings: emulator.settings });
    const input = { image_urls: [RED_CIRCLE_PNG], prompt: 'a lighthouse at dusk' };
    const { artifacts } = await veo31ReferenceToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/veo3.1/reference-to-video');
    expect(submit?.body).toEqual({
      image_urls: [expect.stringMatching(/^https?:\/\//)],
      prompt: 'a lighthouse at dusk',
      aspect_ratio: '16:9',
      duration: '8s',
      generate_audio: true,
      resolution: '720p',
      safety_tolerance: '4',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(veo31ReferenceToVideo.estimateCost(input)).toMatchObject({ known: true, micros: 3_200_000 });
  });

  it.each([
    [{ generate_audio: true }, 3_200_000],
    [{ resolution: '4k' }, 3_200_000],
    [{ resolution: '4k', generate_audio: true }, 4_800_000],
    [{ duration: '4s', resolution: '1080p' }, 800_000],
  ])('prices %j from the input sent', (extra, micros) => {
    expect(veo31ReferenceToVideo.estimateCost({ ...veo31ReferenceToVideo.cheapestInput, ...extra })).toMatchObject({ known: true, micros });
  });

  it('prices the cheapest live input', () => {
    expect(veo31ReferenceToVideo.estimateCost(veo31ReferenceToVideo.cheapestInput)).toMatchObject({ known: true, micros: 1_600_000 });
  });
});
