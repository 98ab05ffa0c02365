import { describeLive } from '@boards/testing';
import { seedreamV45 } from './seedream-v4-5.generator';

describeLive(seedreamV45, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
