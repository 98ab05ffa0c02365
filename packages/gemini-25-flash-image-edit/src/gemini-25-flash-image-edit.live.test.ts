import { describeLive } from '@boards/testing';
import { gemini25FlashImageEdit } from './gemini-25-flash-image-edit.generator';

describeLive(gemini25FlashImageEdit, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
