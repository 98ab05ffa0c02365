import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { elevenlabsTtsElevenV3 } from './elevenlabs-tts-eleven-v3.generator';

describeSnapshotCheck(elevenlabsTtsElevenV3, __dirname);

runConformanceSuite(elevenlabsTtsElevenV3, {
  invalidInputs: [
    { input: {}, field: 'text' },
    { input: { text: 'Hello.', apply_text_normalization: 'not-a-value' }, field: 'apply_text_normalization' },
    { input: { text: 'Hello.', stability: 1.5 }, field: 'stability' },
  ],
});

describe('elevenlabs-tts-eleven-v3 mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the audio', async () => {
    const ctx = createTestContext({ generatorId: 'elevenlabs-tts-eleven-v3', settings: emulator.settings });
    const input = { text: 'a lighthouse at dusk' };
    const { artifacts } = await elevenlabsTtsElevenV3.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/elevenlabs/tts/eleven-v3');
    expect(submit?.body).toEqual({ text: 'a lighthouse at dusk', apply_text_normalization: 'auto', stability: 0.5, voice: 'Rachel' });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'audio' && a.mimeType.startsWith('audio/'))).toBe(true);
    expect(elevenlabsTtsElevenV3.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per 1k-characters is unknown') });
  });
});
