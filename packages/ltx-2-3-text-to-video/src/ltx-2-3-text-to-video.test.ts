import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { ltx23TextToVideo } from './ltx-2-3-text-to-video.generator';

describeSnapshotCheck(ltx23TextToVideo, __dirname);

runConformanceSuite(ltx23TextToVideo, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('ltx-2-3-text-to-video mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'ltx-2-3-text-to-video', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk' };
    const { artifacts } = await ltx23TextToVideo.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/ltx-2.3/text-to-video');
    expect(submit?.body).toEqual({ prompt: 'a lighthouse at dusk', aspect_ratio: '16:9', duration: '6', fps: '25', generate_audio: true, resolution: '1080p' });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
    expect(ltx23TextToVideo.estimateCost(input)).toMatchObject({ known: true, micros: 480_000 });
  });

  it('prices each second of output at the rate of the resolution sent', () => {
    const input = { prompt: 'a lighthouse at dusk', duration: '10', resolution: '1440p' };
    expect(ltx23TextToVideo.estimateCost(input)).toMatchObject({ known: true, micros: 1_600_000, basis: '10 second x $0.16' });
  });
});
