import { describeLive } from '@boards/testing';
import { veo31Fast } from './veo3-1-fast.generator';

describeLive(veo31Fast, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
