import { describeLive } from '@boards/testing';
import { klingVideoV3ProTextToVideo } from './kling-video-v3-pro-text-to-video.generator';

describeLive(klingVideoV3ProTextToVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
