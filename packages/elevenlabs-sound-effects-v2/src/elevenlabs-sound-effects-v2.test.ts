import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { elevenlabsSoundEffectsV2 } from './elevenlabs-sound-effects-v2.generator';

describeSnapshotCheck(elevenlabsSoundEffectsV2, __dirname);

runConformanceSuite(elevenlabsSoundEffectsV2, {
  invalidInputs: [
    { input: {}, field: 'text' },
    { input: { text: 'a door closing', output_format: 'not-a-value' }, field: 'output_format' },
    { input: { text: 'a door closing', duration_seconds: 0.4 }, field: 'duration_seconds' },
    { input: { text: 'a door closing', duration_seconds: 23 }, field: 'duration_seconds' },
    { input: { text: 'a door closing', prompt_influence: 1.1 }, field: 'prompt_influence' },
  ],
});

describe('elevenlabs-sound-effects-v2 mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the audio', async () => {
    const ctx = createTestContext({ generatorId: 'elevenlabs-sound-effects-v2', settings: emulator.settings });
    const input = { text: 'a lighthouse at dusk' };
    const { artifacts } = await elevenlabsSoundEffectsV2.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/elevenlabs/sound-effects/v2');
    expect(submit?.body).toEqual({ text: 'a lighthouse at dusk', output_format: 'mp3_44100_128', prompt_influence: 0.3 });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'audio' && a.mimeType.startsWith('audio/'))).toBe(true);
    expect(elevenlabsSoundEffectsV2.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price is unknown') });
  });
});
