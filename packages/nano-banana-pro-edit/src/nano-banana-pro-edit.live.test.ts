import { describeLive } from '@boards/testing';
import { nanoBananaProEdit } from './nano-banana-pro-edit.generator';

describeLive(nanoBananaProEdit, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
