import { describeLive } from '@boards/testing';
import { veo31ImageToVideo } from './veo3-1-image-to-video.generator';

describeLive(veo31ImageToVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
