import { describeLive } from '@boards/testing';
import { minimaxSpeech26Hd } from './minimax-speech-2-6-hd.generator';

describeLive(minimaxSpeech26Hd, (live) => {
  it('generates one audio from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'audio', mimeType: expect.stringMatching(/^audio\//) });
  });
});
