import { describeLive } from '@boards/testing';
import { kieVeo3 } from './kie-veo3.generator';

describeLive(kieVeo3, (live) => {
  it('generates a 4-second 720p Lite video', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: 'video/mp4' });
  });
});
