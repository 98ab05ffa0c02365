import { describeLive } from '@boards/testing';
import { flux2Edit } from './flux-2-edit.generator';

describeLive(flux2Edit, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
