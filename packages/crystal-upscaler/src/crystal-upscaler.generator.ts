import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { unknownCost, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of clarityai/crystal-upscaler on fal (the fields this package supports). */
export const crystalUpscalerInput = z.strictObject({
  image_url: z
    .string()
    .min(1)
    .describe("URL to the input image (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)"),
  creativity: z.number().optional().describe('Creativity level for upscaling'),
  scale_factor: z.number().default(2).describe('Scale factor'),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state none for this endpoint, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/clarityai/crystal-upscaler',
  unit: 'megapixel',
});

export const crystalUpscaler = defineFalGenerator({
  id: 'crystal-upscaler',
  title: 'Crystal Upscaler',
  description: "Image upscaling with Clarity AI's Crystal Upscaler on fal (tuned for portraits, faces and products)",
  model: 'clarityai/crystal-upscaler',
  family: 'clarityai/crystal-upscaler',
  artifactType: 'image',
  inputSchema: crystalUpscalerInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_url: RED_CIRCLE_PNG },
  // Billed per megapixel of output: the input image's size times scale_factor squared, known only once the image is read.
  estimateCost: (input) =>
    unknownCost(
      `the price per megapixel is unknown (${price.reason}); the output's megapixels (the input image's x ${input.scale_factor ** 2}) are known only once it is read`,
    ),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_url: 'image' },
});
