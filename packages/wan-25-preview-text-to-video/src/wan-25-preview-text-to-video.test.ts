import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { wan25PreviewTextToVideo } from './wan-25-preview-text-to-video.generator';

describeSnapshotCheck(wan25PreviewTextToVideo, __dirname);

runConformanceSuite(wan25PreviewTextToVideo, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('wan-25-preview-text-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'wan-25-preview-text-to-video', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk' };
    const { artifacts } = await wan25PreviewTextToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/wan-25-preview/text-to-video');
    expect(submit?.body).toEqual({
      prompt: 'a lighthouse at dusk',
      aspect_ratio: '16:9',
      duration: '5',
      enable_prompt_expansion: true,
      enable_safety_checker: true,
      resolution: '1080p',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(wan25PreviewTextToVideo.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per second is unknown') });
  });
});
