import { describeLive } from '@boards/testing';
import { flux11Pro } from './flux-1-1-pro.generator';

describeLive(flux11Pro, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
