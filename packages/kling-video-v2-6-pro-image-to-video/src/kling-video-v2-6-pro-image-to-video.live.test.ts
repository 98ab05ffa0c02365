import { describeLive } from '@boards/testing';
import { klingVideoV26ProImageToVideo } from './kling-video-v2-6-pro-image-to-video.generator';

describeLive(klingVideoV26ProImageToVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
