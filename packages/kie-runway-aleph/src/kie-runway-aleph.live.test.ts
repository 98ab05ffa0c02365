import { describeLive } from '@boards/testing';
import { kieRunwayAleph } from './kie-runway-aleph.generator';

describeLive(kieRunwayAleph, (live) => {
  it('uploads the one-second clip and transforms it into one video', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: 'video/mp4' });
  });
});
