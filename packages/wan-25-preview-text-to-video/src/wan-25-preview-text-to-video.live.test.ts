import { describeLive } from '@boards/testing';
import { wan25PreviewTextToVideo } from './wan-25-preview-text-to-video.generator';

describeLive(wan25PreviewTextToVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
