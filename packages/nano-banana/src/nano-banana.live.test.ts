import { describeLive } from '@boards/testing';
import { nanoBanana } from './nano-banana.generator';

describeLive(nanoBanana, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image' });
  });
});
