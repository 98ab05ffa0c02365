import { describeLive } from '@boards/testing';
import { grokImagineVideoReferenceToVideo } from './grok-imagine-video-reference-to-video.generator';

describeLive(grokImagineVideoReferenceToVideo, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
