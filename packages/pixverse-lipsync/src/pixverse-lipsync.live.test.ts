import { describeLive } from '@boards/testing';
import { pixverseLipsync } from './pixverse-lipsync.generator';

describeLive(pixverseLipsync, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
