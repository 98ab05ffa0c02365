import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/imagen4/preview/fast on fal (the fields this package supports). */
export const imagen4PreviewFastInput = z.strictObject({
  prompt: z.string().min(1).describe('The text prompt to generate an image from.'),
  aspect_ratio: z.enum(['1:1', '16:9', '9:16', '4:3', '3:4']).default('1:1').describe('The aspect ratio of the generated image.'),
  num_images: z.number().int().min(1).max(4).default(1).describe('The number of images to generate.'),
  output_format: z.enum(['jpeg', 'png', 'webp']).default('png').describe('The format of the generated image.'),
  safety_tolerance: z
    .enum(['1', '2', '3', '4', '5', '6'])
    .default('4')
    .describe('The safety tolerance level for content moderation. 1 is the most strict (blocks most content), 6 is the least strict.'),
  seed: z.number().int().optional().describe('The seed for the random number generator.'),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state none for this endpoint, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/imagen4/preview/fast',
  unit: 'image',
});

export const imagen4PreviewFast = defineFalGenerator({
  id: 'imagen4-preview-fast',
  title: 'Imagen 4 Fast (preview)',
  description: "Text to image with Google's Imagen 4 Fast (preview) on fal",
  model: 'fal-ai/imagen4/preview/fast',
  family: 'google/imagen-4-fast',
  artifactType: 'image',
  inputSchema: imagen4PreviewFastInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', num_images: 1 },
  // Billed per output image.
  estimateCost: (input) => estimateFromPrice(price, input.num_images),
});
