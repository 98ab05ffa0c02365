import { describeLive } from '@boards/testing';
import { elevenlabsTtsElevenV3 } from './elevenlabs-tts-eleven-v3.generator';

describeLive(elevenlabsTtsElevenV3, (live) => {
  it('generates one audio from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'audio', mimeType: expect.stringMatching(/^audio\//) });
  });
});
