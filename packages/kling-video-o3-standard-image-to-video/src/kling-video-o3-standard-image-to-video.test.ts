import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { klingVideoO3StandardImageToVideo, RED_CIRCLE_PNG } from './kling-video-o3-standard-image-to-video.generator';

describeSnapshotCheck(klingVideoO3StandardImageToVideo, __dirname);

runConformanceSuite(klingVideoO3StandardImageToVideo, {
  invalidInputs: [
    { input: {}, field: 'image_url' },
    { input: { image_url: RED_CIRCLE_PNG, duration: 'not-a-value' }, field: 'duration' },
  ],
});

describe('kling-video-o3-standard-image-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'kling-video-o3-standard-image-to-video', settings: emulator.settings });
    const input = { image_url: RED_CIRCLE_PNG };
    const { artifacts } = await klingVideoO3StandardImageToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/kling-video/o3/standard/image-to-video');
    expect(submit?.body).toEqual({ image_url: expect.stringMatching(/^https?:\/\//), duration: '5', shot_type: 'customize' });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    // No generate_audio sent: fal states no default, so the price is unknown, never a guess.
    expect(klingVideoO3StandardImageToVideo.estimateCost(input)).toMatchObject({ known: false, reason: expect.stringContaining('generate_audio') });
  });

  it.each([
    [{ duration: '3', generate_audio: false }, 252_000],
    [{ duration: '5', generate_audio: true }, 560_000],
    [{ duration: '15', generate_audio: false }, 1_260_000],
  ])('prices %j per second, with or without audio', (extra, micros) => {
    expect(klingVideoO3StandardImageToVideo.estimateCost({ image_url: RED_CIRCLE_PNG, ...extra })).toMatchObject({ known: true, micros });
  });

  it('prices the cheapest live input', () => {
    expect(klingVideoO3StandardImageToVideo.estimateCost(klingVideoO3StandardImageToVideo.cheapestInput)).toMatchObject({ known: true, micros: 252_000 });
  });
});
