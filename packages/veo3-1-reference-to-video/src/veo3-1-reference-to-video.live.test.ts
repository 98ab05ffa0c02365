import { describeLive } from '@boards/testing';
import { veo31ReferenceToVideo } from './veo3-1-reference-to-video.generator';

describeLive(veo31ReferenceToVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
