import { describeLive } from '@boards/testing';
import { klingV15KolorsVirtualTryOn } from './kling-v1-5-kolors-virtual-try-on.generator';

describeLive(klingV15KolorsVirtualTryOn, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
