import { describeLive } from '@boards/testing';
import { minimaxMusicV2 } from './minimax-music-v2.generator';

describeLive(minimaxMusicV2, (live) => {
  it('generates one audio from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'audio', mimeType: expect.stringMatching(/^audio\//) });
  });
});
