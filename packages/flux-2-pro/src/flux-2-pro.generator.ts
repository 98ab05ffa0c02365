import { z } from 'zod';
import { defineFalGenerator, billedMegapixels } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/flux-2-pro on fal (the fields this package supports). */
export const flux2ProInput = z.strictObject({
  prompt: z.string().min(1).describe('The prompt to generate an image from.'),
  enable_safety_checker: z.boolean().default(true).describe('Whether to enable the safety checker.'),
  image_size: z
    .enum(['square_hd', 'square', 'portrait_4_3', 'portrait_16_9', 'landscape_4_3', 'landscape_16_9'])
    .default('landscape_4_3')
    .describe('The size of the generated image.'),
  output_format: z.enum(['jpeg', 'png']).default('jpeg').describe('The format of the generated image.'),
  safety_tolerance: z
    .enum(['1', '2', '3', '4', '5'])
    .default('2')
    .describe('The safety tolerance level for the generated image. 1 being the most strict and 5 being the most permissive.'),
  seed: z.number().int().optional().describe('The seed to use for the generation.'),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state none for this endpoint, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/flux-2-pro',
  unit: 'megapixel',
});

export const flux2Pro = defineFalGenerator({
  id: 'flux-2-pro',
  title: 'FLUX.2 [pro]',
  description: "Text to image with Black Forest Labs' FLUX.2 [pro] on fal",
  model: 'fal-ai/flux-2-pro',
  family: 'black-forest-labs/flux-2-pro',
  artifactType: 'image',
  inputSchema: flux2ProInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', image_size: 'square' },
  // Billed per megapixel of its one output image, rounded up.
  estimateCost: (input) => estimateFromPrice(price, billedMegapixels(input.image_size)),
});
