import { describeLive } from '@boards/testing';
import { sora2ImageToVideoPro } from './sora-2-image-to-video-pro.generator';

describeLive(sora2ImageToVideoPro, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
