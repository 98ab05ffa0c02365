import { describeLive } from '@boards/testing';
import { kieSeedream45 } from './kie-seedream-4-5.generator';

describeLive(kieSeedream45, (live) => {
  it('generates one basic-quality image', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
