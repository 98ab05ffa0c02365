import { describeLive } from '@boards/testing';
import { ideogramV2 } from './ideogram-v2.generator';

describeLive(ideogramV2, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
