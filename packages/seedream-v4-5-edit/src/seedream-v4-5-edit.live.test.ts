import { describeLive } from '@boards/testing';
import { seedreamV45Edit } from './seedream-v4-5-edit.generator';

describeLive(seedreamV45Edit, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
