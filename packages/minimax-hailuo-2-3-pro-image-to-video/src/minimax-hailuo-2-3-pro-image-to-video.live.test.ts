import { describeLive } from '@boards/testing';
import { minimaxHailuo23ProImageToVideo } from './minimax-hailuo-2-3-pro-image-to-video.generator';

describeLive(minimaxHailuo23ProImageToVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
