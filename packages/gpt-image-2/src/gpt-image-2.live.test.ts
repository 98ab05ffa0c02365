import { describeLive } from '@boards/testing';
import { gptImage2 } from './gpt-image-2.generator';

describeLive(gptImage2, (live) => {
  it('generates one low-quality 1536x1024 image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', width: 1536, height: 1024 });
  });
});
