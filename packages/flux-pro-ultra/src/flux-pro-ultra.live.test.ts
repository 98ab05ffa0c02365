import { describeLive } from '@boards/testing';
import { fluxProUltra } from './flux-pro-ultra.generator';

describeLive(fluxProUltra, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
