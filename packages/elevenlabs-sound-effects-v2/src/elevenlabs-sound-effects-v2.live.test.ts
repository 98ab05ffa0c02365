import { describeLive } from '@boards/testing';
import { elevenlabsSoundEffectsV2 } from './elevenlabs-sound-effects-v2.generator';

describeLive(elevenlabsSoundEffectsV2, (live) => {
  it('generates one audio from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'audio', mimeType: expect.stringMatching(/^audio\//) });
  });
});
