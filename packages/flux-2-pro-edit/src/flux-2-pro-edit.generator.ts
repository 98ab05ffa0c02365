import { z } from 'zod';
import { defineFalGenerator, billedMegapixels } from '@boards/provider-fal';
import { estimateFromPrice, unknownCost, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/flux-2-pro/edit on fal (the fields this package supports). */
export const flux2ProEditInput = z.strictObject({
  image_urls: z
    .array(z.string().min(1))
    .min(1)
    .describe(
      "List of URLs of input images for editing (each image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('The prompt to generate an image from.'),
  enable_safety_checker: z.boolean().default(true).describe('Whether to enable the safety checker.'),
  image_size: z
    .enum(['auto', 'square_hd', 'square', 'portrait_4_3', 'portrait_16_9', 'landscape_4_3', 'landscape_16_9'])
    .default('auto')
    .describe('The size of the generated image. If auto, the size will be determined by the model.'),
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
  source: 'https://fal.ai/models/fal-ai/flux-2-pro/edit',
  unit: 'megapixel',
});

export const flux2ProEdit = defineFalGenerator({
  id: 'flux-2-pro-edit',
  title: 'FLUX.2 [pro] Edit',
  description: "Image editing with Black Forest Labs' FLUX.2 [pro] on fal",
  model: 'fal-ai/flux-2-pro/edit',
  family: 'black-forest-labs/flux-2-pro-edit',
  artifactType: 'image',
  inputSchema: flux2ProEditInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', image_size: 'square' },
  // Billed per megapixel of its one output image, rounded up; auto leaves the size to the model.
  estimateCost: (input) =>
    input.image_size === 'auto'
      ? unknownCost('image_size auto leaves the output size to the model: pass a preset for an estimate')
      : estimateFromPrice(price, billedMegapixels(input.image_size)),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_urls: 'image' },
});
