import { describeLive } from '@boards/testing';
import { sora2ImageToVideo } from './sora-2-image-to-video.generator';

describeLive(sora2ImageToVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
