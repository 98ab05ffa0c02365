import { describeLive } from '@boards/testing';
import { dalle3 } from './dalle3.generator';

// Skipped by describeLive with the reason: dall-e-3 is retired 2026-05-12; use gpt-image-2.
describeLive(dalle3, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image' });
  });
});
