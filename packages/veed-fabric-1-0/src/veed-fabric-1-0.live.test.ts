import { describeLive } from '@boards/testing';
import { veedFabric10 } from './veed-fabric-1-0.generator';

describeLive(veedFabric10, (live) => {
  it('generates one video from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\//) });
  });
});
