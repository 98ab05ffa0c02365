import { describeLive } from '@boards/testing';
import { klingVideoV25TurboProTextToVideo } from './kling-video-v2-5-turbo-pro-text-to-video.generator';

describeLive(klingVideoV25TurboProTextToVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
