import { describeLive } from '@boards/testing';
import { minimaxHailuo02StandardTextToVideo } from './minimax-hailuo-02-standard-text-to-video.generator';

describeLive(minimaxHailuo02StandardTextToVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
