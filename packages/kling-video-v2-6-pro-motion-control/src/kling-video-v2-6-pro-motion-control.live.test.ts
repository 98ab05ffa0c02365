import { describeLive } from '@boards/testing';
import { klingVideoV26ProMotionControl } from './kling-video-v2-6-pro-motion-control.generator';

describeLive(klingVideoV26ProMotionControl, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
