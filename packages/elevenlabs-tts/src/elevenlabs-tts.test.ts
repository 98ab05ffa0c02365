import { createTestContext, runConformanceSuite, useEmulator, describeSnapshotCheck } from '@boards/testing';
import { elevenlabsTts } from './elevenlabs-tts.generator';

describeSnapshotCheck(elevenlabsTts, __dirname);

runConformanceSuite(elevenlabsTts, {
  invalidInputs: [
    { input: {}, field: 'text' },
    { input: { text: '' }, field: 'text' },
    { input: { text: 'hi', speed: 2 }, field: 'speed' },
    { input: { text: 'hi', stability: -0.1 }, field: 'stability' },
    { input: { text: 'hi', language_code: 'english' }, field: 'language_code' },
  ],
});

describe('elevenlabs-tts mapping', () => {
  const emulator = useEmulator();

  it('sends the text and voice settings and stores the speech with its duration and format', async () => {
    const ctx = createTestContext({ generatorId: 'elevenlabs-tts', settings: emulator.settings });
    const input = { text: 'Hello from the emulator, thirty.', voice: 'Aria', speed: 1.1 };
    const { artifacts } = await elevenlabsTts.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/elevenlabs/tts/turbo-v2.5');
    expect(submit?.body).toEqual(input);
    expect(artifacts).toEqual([
      expect.objectContaining({ type: 'audio', mimeType: 'audio/wav', durationSeconds: expect.any(Number), sampleRate: expect.any(Number), channels: 1 }),
    ]);
    expect(artifacts[0].type === 'audio' && artifacts[0].durationSeconds).toBeGreaterThan(1);
  });

  it('prices per character of text, not of the context fields', () => {
    expect(elevenlabsTts.estimateCost({ text: 'x'.repeat(2000), previous_text: 'y'.repeat(5000) })).toMatchObject({ known: true, micros: 100_000 });
    expect(elevenlabsTts.estimateCost(elevenlabsTts.cheapestInput)).toMatchObject({ known: true, micros: 300 });
  });
});
