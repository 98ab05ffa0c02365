import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { minimaxSpeech26Hd } from './minimax-speech-2-6-hd.generator';

describeSnapshotCheck(minimaxSpeech26Hd, __dirname);

runConformanceSuite(minimaxSpeech26Hd, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', language_boost: 'not-a-value' }, field: 'language_boost' },
  ],
});

describe('minimax-speech-2-6-hd mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the audio', async () => {
    const ctx = createTestContext({ generatorId: 'minimax-speech-2-6-hd', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk' };
    const { artifacts } = await minimaxSpeech26Hd.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/minimax/speech-2.6-hd');
    expect(submit?.body).toEqual({ prompt: 'a lighthouse at dusk', output_format: 'hex' });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'audio' && a.mimeType.startsWith('audio/'))).toBe(true);
    expect(minimaxSpeech26Hd.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per 1k-characters is unknown') });
  });
});
