import { describeLive } from '@boards/testing';
import { kieSunoSounds } from './kie-suno-sounds.generator';

describeLive(kieSunoSounds, (live) => {
  it('generates one sound from a short prompt', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts.length).toBeGreaterThan(0);
    expect(artifacts.every((a) => a.type === 'audio' && a.mimeType.startsWith('audio/'))).toBe(true);
  });
});
