import { describeLive } from '@boards/testing';
import { gptImage15 } from './gpt-image-1-5.generator';

// Skipped by describeLive with the reason: fal-ai/gpt-image-1.5 is retired 2026-12-01; use gpt-image-2.
describeLive(gptImage15, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
