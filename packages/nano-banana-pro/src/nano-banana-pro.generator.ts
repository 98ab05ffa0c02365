import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/nano-banana-pro on fal (the fields this package supports). */
export const nanoBananaProInput = z.strictObject({
  prompt: z.string().min(1).describe('The text prompt to generate an image from.'),
  aspect_ratio: z
    .enum(['auto', '21:9', '16:9', '3:2', '4:3', '5:4', '1:1', '4:5', '3:4', '2:3', '9:16'])
    .default('1:1')
    .describe('The aspect ratio of the generated image.'),
  enable_web_search: z
    .boolean()
    .optional()
    .describe('Enable web search for the image generation task. This will allow the model to use the latest information from the web to generate the image.'),
  limit_generations: z
    .boolean()
    .optional()
    .describe(
      'Experimental parameter to limit the number of generations from each round of prompting to 1. Set to True to to disregard any instructions in the prompt regarding the number of images to generate.',
    ),
  num_images: z.number().int().min(1).max(4).default(1).describe('The number of images to generate.'),
  output_format: z.enum(['jpeg', 'png', 'webp']).default('png').describe('The format of the generated image.'),
  resolution: z.enum(['1K', '2K', '4K']).default('1K').describe('The resolution of the image to generate.'),
  safety_tolerance: z
    .enum(['1', '2', '3', '4', '5', '6'])
    .default('4')
    .describe('The safety tolerance level for content moderation. 1 is the most strict (blocks most content), 6 is the least strict.'),
  seed: z.number().int().optional().describe('The seed for the random number generator.'),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state none for this endpoint, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/nano-banana-pro',
  unit: 'image',
});

export const nanoBananaPro = defineFalGenerator({
  id: 'nano-banana-pro',
  title: 'Nano Banana Pro',
  description: "Text to image with Google's Nano Banana Pro on fal",
  model: 'fal-ai/nano-banana-pro',
  family: 'google/nano-banana-pro',
  artifactType: 'image',
  inputSchema: nanoBananaProInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', num_images: 1, resolution: '1K' },
  // Billed per output image.
  estimateCost: (input) => estimateFromPrice(price, input.num_images),
});
