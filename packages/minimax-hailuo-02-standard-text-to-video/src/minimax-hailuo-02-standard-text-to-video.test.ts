import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { minimaxHailuo02StandardTextToVideo } from './minimax-hailuo-02-standard-text-to-video.generator';

describeSnapshotCheck(minimaxHailuo02StandardTextToVideo, __dirname);

runConformanceSuite(minimaxHailuo02StandardTextToVideo, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', duration: 'not-a-value' }, field: 'duration' },
  ],
});

describe('minimax-hailuo-02-standard-text-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'minimax-hailuo-02-standard-text-to-video', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk' };
    const { artifacts } = await minimaxHailuo02StandardTextToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/minimax/hailuo-02/standard/text-to-video');
    expect(submit?.body).toEqual({ prompt: 'a lighthouse at dusk', duration: '6', prompt_optimizer: true });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(minimaxHailuo02StandardTextToVideo.estimateCost(input)).toEqual({
      known: false,
      reason: expect.stringContaining('the price per second is unknown'),
    });
  });
});
