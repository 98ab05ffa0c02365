import { describeLive } from '@boards/testing';
import { gptImage1Mini } from './gpt-image-1-mini.generator';

// Skipped by describeLive with the reason: fal-ai/gpt-image-1-mini is retired 2026-12-01; use gpt-image-2.
describeLive(gptImage1Mini, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
