import { describeLive } from '@boards/testing';
import { klingVideoO3StandardImageToVideo } from './kling-video-o3-standard-image-to-video.generator';

describeLive(klingVideoO3StandardImageToVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
