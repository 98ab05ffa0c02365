import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { minimaxMusicV2 } from './minimax-music-v2.generator';

describeSnapshotCheck(minimaxMusicV2, __dirname);

runConformanceSuite(minimaxMusicV2, {
  invalidInputs: [{ input: { prompt: 'a red circle on a white background' }, field: 'lyrics_prompt' }],
});

describe('minimax-music-v2 mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the audio', async () => {
    const ctx = createTestContext({ generatorId: 'minimax-music-v2', settings: emulator.settings });
    const input = { lyrics_prompt: 'a lighthouse at dusk', prompt: 'a lighthouse at dusk' };
    const { artifacts } = await minimaxMusicV2.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/minimax-music/v2');
    expect(submit?.body).toEqual({ lyrics_prompt: 'a lighthouse at dusk', prompt: 'a lighthouse at dusk' });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'audio' && a.mimeType.startsWith('audio/'))).toBe(true);
    expect(minimaxMusicV2.estimateCost(input)).toMatchObject({ known: true, micros: 30_000 });
  });
});
