import { describeLive } from '@boards/testing';
import { chatterboxTextToSpeech } from './chatterbox-text-to-speech.generator';

describeLive(chatterboxTextToSpeech, (live) => {
  it('generates one audio from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'audio', mimeType: expect.stringMatching(/^audio\//) });
  });
});
