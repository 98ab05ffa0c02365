import { describeLive } from '@boards/testing';
import { kieNanoBananaEdit } from './kie-nano-banana-edit.generator';

describeLive(kieNanoBananaEdit, (live) => {
  it('uploads the 64x64 input and edits it into one image', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
