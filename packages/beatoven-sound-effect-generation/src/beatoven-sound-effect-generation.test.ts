import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { beatovenSoundEffectGeneration } from './beatoven-sound-effect-generation.generator';

describeSnapshotCheck(beatovenSoundEffectGeneration, __dirname);

runConformanceSuite(beatovenSoundEffectGeneration, {
  invalidInputs: [{ input: {}, field: 'prompt' }],
});

describe('beatoven-sound-effect-generation mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the audio', async () => {
    const ctx = createTestContext({ generatorId: 'beatoven-sound-effect-generation', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk' };
    const { artifacts } = await beatovenSoundEffectGeneration.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/beatoven/sound-effect-generation');
    expect(submit?.body).toEqual({ prompt: 'a lighthouse at dusk', negative_prompt: '', duration: 5, refinement: 40 });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'audio' && a.mimeType.startsWith('audio/'))).toBe(true);
    expect(beatovenSoundEffectGeneration.estimateCost(input)).toMatchObject({ known: true, micros: 100_000 });
  });
});
