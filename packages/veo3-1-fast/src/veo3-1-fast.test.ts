import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { veo31Fast } from './veo3-1-fast.generator';

describeSnapshotCheck(veo31Fast, __dirname);

runConformanceSuite(veo31Fast, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('veo3-1-fast mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'veo3-1-fast', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk' };
    const { artifacts } = await veo31Fast.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/veo3.1/fast');
    expect(submit?.body).toEqual({
      prompt: 'a lighthouse at dusk',
      aspect_ratio: '16:9',
      auto_fix: true,
      duration: '8s',
      generate_audio: true,
      resolution: '720p',
      safety_tolerance: '4',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(veo31Fast.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per second is unknown') });
  });
});
