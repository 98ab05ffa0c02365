import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { minimaxHailuo23ProImageToVideo, RED_CIRCLE_PNG } from './minimax-hailuo-2-3-pro-image-to-video.generator';

describeSnapshotCheck(minimaxHailuo23ProImageToVideo, __dirname);

runConformanceSuite(minimaxHailuo23ProImageToVideo, {
  invalidInputs: [{ input: { prompt: 'a red circle on a white background' }, field: 'image_url' }],
});

describe('minimax-hailuo-2-3-pro-image-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'minimax-hailuo-2-3-pro-image-to-video', settings: emulator.settings });
    const input = { image_url: RED_CIRCLE_PNG, prompt: 'a lighthouse at dusk' };
    const { artifacts } = await minimaxHailuo23ProImageToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/minimax/hailuo-2.3/pro/image-to-video');
    expect(submit?.body).toEqual({ image_url: expect.stringMatching(/^https?:\/\//), prompt: 'a lighthouse at dusk', prompt_optimizer: true });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(minimaxHailuo23ProImageToVideo.estimateCost(input)).toMatchObject({ known: true, micros: 490_000 });
  });
});
