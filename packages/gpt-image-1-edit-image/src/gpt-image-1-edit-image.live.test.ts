import { describeLive } from '@boards/testing';
import { gptImage1EditImage } from './gpt-image-1-edit-image.generator';

// Skipped by describeLive with the reason: fal-ai/gpt-image-1/edit-image is retired 2026-10-23; use gpt-image-2.
describeLive(gptImage1EditImage, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
