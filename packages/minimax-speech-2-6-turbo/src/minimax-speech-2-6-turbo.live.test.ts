import { describeLive } from '@boards/testing';
import { minimaxSpeech26Turbo } from './minimax-speech-2-6-turbo.generator';

describeLive(minimaxSpeech26Turbo, (live) => {
  it('generates one audio from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'audio', mimeType: expect.stringMatching(/^audio\//) });
  });
});
