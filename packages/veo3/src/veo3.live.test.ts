import { describeLive } from '@boards/testing';
import { veo3 } from './veo3.generator';

describeLive(veo3, (live) => {
  it('generates a four-second silent video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: 'video/mp4', durationSeconds: expect.any(Number), width: expect.any(Number) });
  });
});
