import { describeLive } from '@boards/testing';
import { seedanceV15ProImageToVideo } from './seedance-v1-5-pro-image-to-video.generator';

describeLive(seedanceV15ProImageToVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
