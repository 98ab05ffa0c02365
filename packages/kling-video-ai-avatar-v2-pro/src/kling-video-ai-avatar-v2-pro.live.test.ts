import { describeLive } from '@boards/testing';
import { klingVideoAiAvatarV2Pro } from './kling-video-ai-avatar-v2-pro.generator';

describeLive(klingVideoAiAvatarV2Pro, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
