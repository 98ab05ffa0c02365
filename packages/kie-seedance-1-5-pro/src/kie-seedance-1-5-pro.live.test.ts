import { describeLive } from '@boards/testing';
import { kieSeedance15Pro } from './kie-seedance-1-5-pro.generator';

describeLive(kieSeedance15Pro, (live) => {
  it('generates a 4-second silent 480p video', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: 'video/mp4' });
  });
});
