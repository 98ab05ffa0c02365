import { describeLive } from '@boards/testing';
import { klingVideoAiAvatarV2Standard } from './kling-video-ai-avatar-v2-standard.generator';

describeLive(klingVideoAiAvatarV2Standard, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
