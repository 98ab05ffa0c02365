import { describeLive } from '@boards/testing';
import { elevenlabsTts } from './elevenlabs-tts.generator';

describeLive(elevenlabsTts, (live) => {
  it('speaks the six characters of the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'audio', mimeType: expect.stringMatching(/^audio\//) });
  });
});
