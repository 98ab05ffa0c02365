import { describeLive } from '@boards/testing';
import { klingVideoV3ProImageToVideo } from './kling-video-v3-pro-image-to-video.generator';

describeLive(klingVideoV3ProImageToVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
