import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { klingVideoV26StandardMotionControl, RED_CIRCLE_MP4, RED_CIRCLE_PNG } from './kling-video-v2-6-standard-motion-control.generator';

describeSnapshotCheck(klingVideoV26StandardMotionControl, __dirname);

runConformanceSuite(klingVideoV26StandardMotionControl, {
  invalidInputs: [
    { input: { character_orientation: 'image', image_url: RED_CIRCLE_PNG }, field: 'video_url' },
    {
      input: { character_orientation: 'not-a-value', image_url: RED_CIRCLE_PNG, video_url: RED_CIRCLE_MP4 },
      field: 'character_orientation',
    },
  ],
});

describe('kling-video-v2-6-standard-motion-control mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'kling-video-v2-6-standard-motion-control', settings: emulator.settings });
    const input = { character_orientation: 'image', image_url: RED_CIRCLE_PNG, video_url: RED_CIRCLE_MP4 };
    const { artifacts } = await klingVideoV26StandardMotionControl.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/kling-video/v2.6/standard/motion-control');
    expect(submit?.body).toEqual({
      character_orientation: 'image',
      image_url: expect.stringMatching(/^https?:\/\//),
      video_url: expect.stringMatching(/^https?:\/\//),
      keep_original_sound: true,
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(klingVideoV26StandardMotionControl.estimateCost(input)).toEqual({
      known: false,
      reason: expect.stringContaining('whose length follows the reference video sent; the price is unknown: fal'),
    });
  });
});
