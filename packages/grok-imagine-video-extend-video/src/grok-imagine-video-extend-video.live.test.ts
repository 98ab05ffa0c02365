import { describeLive } from '@boards/testing';
import { grokImagineVideoExtendVideo } from './grok-imagine-video-extend-video.generator';

describeLive(grokImagineVideoExtendVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
