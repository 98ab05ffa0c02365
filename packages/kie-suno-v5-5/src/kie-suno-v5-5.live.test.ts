import { describeLive } from '@boards/testing';
import { kieSunoV55 } from './kie-suno-v5-5.generator';

describeLive(kieSunoV55, (live) => {
  it('generates the tracks of one short instrumental', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts.length).toBeGreaterThan(0);
    expect(artifacts.every((a) => a.type === 'audio' && a.mimeType.startsWith('audio/'))).toBe(true);
  });
});
