import { describeLive } from '@boards/testing';
import { fluxPro } from './flux-pro.generator';

describeLive(fluxPro, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image' });
    expect(artifacts[0].type === 'image' && artifacts[0].width).toBeGreaterThan(0);
  });
});
