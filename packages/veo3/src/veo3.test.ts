import { createTestContext, runConformanceSuite, useEmulator, describeSnapshotCheck } from '@boards/testing';
import { veo3 } from './veo3.generator';

describeSnapshotCheck(veo3, __dirname);

runConformanceSuite(veo3, {
  invalidInputs: [
    { input: { duration: '4s' }, field: 'prompt' },
    { input: { prompt: 'waves', duration: '5s' }, field: 'duration' },
    { input: { prompt: 'waves', duration: 4 }, field: 'duration' },
    { input: { prompt: 'waves', aspect_ratio: '1:1' }, field: 'aspect_ratio' },
    { input: { prompt: 'waves', resolution: '4k' }, field: 'resolution' },
  ],
});

describe('veo3 mapping', () => {
  const emulator = useEmulator();

  it('sends every billed field and stores the MP4 with its duration and size read from the file', async () => {
    const ctx = createTestContext({ generatorId: 'veo3', settings: emulator.settings });
    const input = { prompt: 'waves rolling onto a beach', duration: '6s', aspect_ratio: '9:16' };
    const { artifacts } = await veo3.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/veo3/fast');
    expect(submit?.body).toEqual({ prompt: 'waves rolling onto a beach', duration: '6s', generate_audio: true, aspect_ratio: '9:16', resolution: '720p' });
    expect(artifacts).toEqual([expect.objectContaining({ type: 'video', mimeType: 'video/mp4', durationSeconds: 6, width: 720, height: 1280 })]);
    // 6 s with a soundtrack, at the audio rate.
    expect(ctx.actualCosts).toEqual([expect.objectContaining({ reported: 'billable_units=6', micros: 900_000, source: 'derived' })]);
  });

  it.each([
    [{ duration: '6s' }, 900_000],
    [{ duration: '8s', generate_audio: false }, 800_000],
    [{ duration: '4s', generate_audio: false, resolution: '1080p' }, 400_000],
  ])('prices %j per second, with or without audio', (extra, micros) => {
    expect(veo3.estimateCost({ prompt: 'waves', ...extra })).toMatchObject({ known: true, micros });
  });

  it('keeps the cheapest live input under the default $1.00 live budget', () => {
    expect(veo3.estimateCost(veo3.cheapestInput)).toMatchObject({ known: true, micros: 400_000 });
  });
});
