// A project outside the monorepo defines its own generator with the published packages and
// runs the rig's conformance suite on it (the SDK against the in-process emulator, offline).
const { z } = require('zod');
const { InputValidationError } = require('@boards/core');
const { estimateFromPrice } = require('@boards/cost');
const { defineReplicateGenerator } = require('@boards/provider-replicate');
const { runConformanceSuite, createTestContext, useEmulator } = require('@boards/testing');

const price = { usd: '0.003', unit: 'image', checkedOn: '2026-11-22', source: 'https://replicate.com/black-forest-labs/flux-schnell' };

const myFlux = defineReplicateGenerator({
  id: 'my-flux-schnell',
  title: 'My FLUX schnell',
  description: 'Text to image with FLUX.1 [schnell], defined outside the monorepo',
  model: 'black-forest-labs/flux-schnell',
  artifactType: 'image',
  inputSchema: z.strictObject({
    prompt: z.string().min(1).describe('Text describing the image'),
    aspect_ratio: z.enum(['1:1', '16:9', '9:16']).default('1:1').describe('Aspect ratio'),
  }),
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle', aspect_ratio: '1:1' },
  estimateCost: () => estimateFromPrice(price, 1),
});

runConformanceSuite(myFlux, {
  invalidInputs: [
    { input: { aspect_ratio: '1:1' }, field: 'prompt' },
    { input: { prompt: 'x', aspect_ratio: '7:3' }, field: 'aspect_ratio' },
  ],
});

describe('my-flux-schnell outside the monorepo', () => {
  const emulator = useEmulator();

  it('sends the input to the model and stores the image', async () => {
    const ctx = createTestContext({ generatorId: 'my-flux-schnell', settings: emulator.settings });
    const { artifacts } = await myFlux.generate({ prompt: 'a lighthouse', aspect_ratio: '16:9' }, ctx);
    const submit = emulator.current.requestsFor('replicate').find((r) => r.operation === 'submit');
    expect(submit.path).toBe('/replicate/v1/models/black-forest-labs/flux-schnell/predictions');
    expect(submit.body).toEqual({ input: { prompt: 'a lighthouse', aspect_ratio: '16:9' } });
    expect(artifacts).toEqual([expect.objectContaining({ type: 'image', mimeType: 'image/png' })]);
  });

  it('refuses a bad input with the published error class', async () => {
    await expect(myFlux.generate({ prompt: '' }, createTestContext({ generatorId: 'my-flux-schnell' }))).rejects.toBeInstanceOf(InputValidationError);
  });
});
