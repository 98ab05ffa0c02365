import { createTestContext, runConformanceSuite, useEmulator, describeSnapshotCheck } from '@boards/testing';
import { gptImage2 } from './gpt-image-2.generator';

describeSnapshotCheck(gptImage2, __dirname);

runConformanceSuite(gptImage2, {
  invalidInputs: [
    { input: { n: 1 }, field: 'prompt' },
    { input: { prompt: 'a cat', n: 11 }, field: 'n' },
    { input: { prompt: 'a cat', size: '512x512' }, field: 'size' },
    { input: { prompt: 'a cat', quality: 'auto' }, field: 'quality' },
  ],
});

describe('gpt-image-2 mapping', () => {
  const emulator = useEmulator();

  it('sends size, quality and count, and stores every base64 image at that size', async () => {
    const ctx = createTestContext({ generatorId: 'gpt-image-2', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk', n: 2, size: '1536x1024', quality: 'high' };
    const { artifacts } = await gptImage2.generate(input, ctx);
    const call = emulator.current.requestsFor('openai').find((r) => r.operation === 'images');
    expect(call?.body).toEqual({ model: 'gpt-image-2', prompt: 'a lighthouse at dusk', n: 2, size: '1536x1024', quality: 'high', output_format: 'png' });
    expect(artifacts).toEqual([1, 2].map(() => expect.objectContaining({ type: 'image', mimeType: 'image/png', width: 1536, height: 1024 })));
    // Image and prompt-token prices add up: no single rate to price the images at, so the estimate stands.
    expect(ctx.actualCosts).toEqual([
      { reported: expect.stringMatching(/^input_tokens=\d+ output_tokens=\d+$/), billed: [{ unit: 'image', quantity: 2, what: 'images returned' }] },
    ]);
  });

  it.each([
    ['low', '1024x1024', 1, 6_025],
    ['low', '1536x1024', 1, 5_025],
    ['medium', '1024x1536', 2, 82_025],
    ['high', '1024x1024', 3, 633_025],
  ])('prices %s %s x%d from the table plus the prompt tokens', (quality, size, n, micros) => {
    // 'a lighthouse at dusk' is 20 characters: 5 tokens at $5 / 1M = 25 micro-dollars.
    expect(gptImage2.estimateCost({ prompt: 'a lighthouse at dusk', n, size, quality })).toMatchObject({ known: true, micros });
  });
});
