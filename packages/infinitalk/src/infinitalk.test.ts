import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { infinitalk, RED_CIRCLE_PNG, SILENT_WAV } from './infinitalk.generator';

describeSnapshotCheck(infinitalk, __dirname);

runConformanceSuite(infinitalk, {
  invalidInputs: [
    { input: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background' }, field: 'audio_url' },
    {
      input: { audio_url: SILENT_WAV, image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', acceleration: 'not-a-value' },
      field: 'acceleration',
    },
    { input: { audio_url: SILENT_WAV, image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', num_frames: 40 }, field: 'num_frames' },
    { input: { audio_url: SILENT_WAV, image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', num_frames: 722 }, field: 'num_frames' },
  ],
});

describe('infinitalk mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'infinitalk', settings: emulator.settings });
    const input = { audio_url: SILENT_WAV, image_url: RED_CIRCLE_PNG, prompt: 'a lighthouse at dusk' };
    const { artifacts } = await infinitalk.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/infinitalk');
    expect(submit?.body).toEqual({
      audio_url: expect.stringMatching(/^https?:\/\//),
      image_url: expect.stringMatching(/^https?:\/\//),
      prompt: 'a lighthouse at dusk',
      acceleration: 'regular',
      num_frames: 145,
      resolution: '480p',
      seed: 42,
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(infinitalk.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price is unknown') });
  });
});
