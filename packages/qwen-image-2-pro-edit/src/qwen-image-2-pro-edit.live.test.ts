import { describeLive } from '@boards/testing';
import { qwenImage2ProEdit } from './qwen-image-2-pro-edit.generator';

describeLive(qwenImage2ProEdit, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
