import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { chatterboxTextToSpeech } from './chatterbox-text-to-speech.generator';

describeSnapshotCheck(chatterboxTextToSpeech, __dirname);

runConformanceSuite(chatterboxTextToSpeech, {
  invalidInputs: [
    { input: {}, field: 'text' },
    { input: { text: 'x'.repeat(5001) }, field: 'text' },
    { input: { text: 'Hello.', exaggeration: 1.5 }, field: 'exaggeration' },
  ],
});

describe('chatterbox-text-to-speech mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the audio', async () => {
    const ctx = createTestContext({ generatorId: 'chatterbox-text-to-speech', settings: emulator.settings });
    const input = { text: 'a lighthouse at dusk' };
    const { artifacts } = await chatterboxTextToSpeech.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/chatterbox/text-to-speech');
    expect(submit?.body).toEqual({ text: 'a lighthouse at dusk', cfg: 0.5, exaggeration: 0.25, temperature: 0.7 });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'audio' && a.mimeType.startsWith('audio/'))).toBe(true);
    expect(chatterboxTextToSpeech.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price is unknown') });
  });
});
