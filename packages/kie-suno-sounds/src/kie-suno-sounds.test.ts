import { createTestContext, runConformanceSuite, useEmulator, describeSnapshotCheck } from '@boards/testing';
import { kieSunoSounds } from './kie-suno-sounds.generator';

describeSnapshotCheck(kieSunoSounds, __dirname);

runConformanceSuite(kieSunoSounds, {
  invalidInputs: [
    { input: { soundLoop: true }, field: 'prompt' },
    { input: { prompt: 'x'.repeat(501) }, field: 'prompt' },
    { input: { prompt: 'rain', model: 'V4' }, field: 'model' },
    { input: { prompt: 'rain', soundTempo: 301 }, field: 'soundTempo' },
    { input: { prompt: 'rain', soundTempo: 90.5 }, field: 'soundTempo' },
    { input: { prompt: 'rain', soundKey: 'Any' }, field: 'soundKey' },
  ],
});

describe('kie-suno-sounds mapping', () => {
  const emulator = useEmulator();

  it('sends the fields as the body of generate/sounds, without a callBackUrl, and stores the sound', async () => {
    const ctx = createTestContext({ generatorId: 'kie-suno-sounds', settings: emulator.settings });
    const { artifacts } = await kieSunoSounds.generate({ prompt: 'a drum loop', soundLoop: true, soundTempo: 120, soundKey: 'Am', model: 'V5_5' }, ctx);
    const kie = emulator.current.requestsFor('kie');
    const generate = kie.find((r) => r.operation === 'sunoSounds');
    expect(generate?.path).toBe('/kie/api/v1/generate/sounds');
    expect(generate?.body).toEqual({ prompt: 'a drum loop', soundLoop: true, soundTempo: 120, soundKey: 'Am', model: 'V5_5' });
    expect(kie.filter((r) => r.operation === 'sunoRecordInfo').length).toBeGreaterThan(0);
    expect(artifacts).toEqual([expect.objectContaining({ type: 'audio', mimeType: 'audio/wav', durationSeconds: 4 })]);
  });

  it('counts one call at an unknown rate: never a guess', () => {
    expect(kieSunoSounds.estimateCost(kieSunoSounds.cheapestInput)).toEqual({
      known: false,
      reason: expect.stringContaining('the price per request is unknown'),
    });
  });
});
