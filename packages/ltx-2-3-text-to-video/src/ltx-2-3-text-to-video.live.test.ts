import { describeLive } from '@boards/testing';
import { ltx23TextToVideo } from './ltx-2-3-text-to-video.generator';

describeLive(ltx23TextToVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
