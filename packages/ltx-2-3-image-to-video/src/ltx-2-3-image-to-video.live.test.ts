import { describeLive } from '@boards/testing';
import { ltx23ImageToVideo } from './ltx-2-3-image-to-video.generator';

describeLive(ltx23ImageToVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
