import { describeLive } from '@boards/testing';
import { beatovenSoundEffectGeneration } from './beatoven-sound-effect-generation.generator';

describeLive(beatovenSoundEffectGeneration, (live) => {
  it('generates one audio from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'audio', mimeType: expect.stringMatching(/^audio\//) });
  });
});
