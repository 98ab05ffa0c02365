import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/gemini-25-flash-image on fal (the fields this package supports). */
export const gemini25FlashImageInput = z.strictObject({
  prompt: z.string().min(1).describe('The text prompt to generate an image from.'),
  aspect_ratio: z
    .enum(['21:9', '16:9', '3:2', '4:3', '5:4', '1:1', '4:5', '3:4', '2:3', '9:16'])
    .default('1:1')
    .describe('The aspect ratio of the generated image.'),
  limit_generations: z
    .boolean()
    .optional()
    .describe(
      'Experimental parameter to limit the number of generations from each round of prompting to 1. Set to True to to disregard any instructions in the prompt regarding the number of images to generate.',
    ),
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
  source: 'https://fal.ai/models/fal-ai/gemini-25-flash-image',
  unit: 'image',
});

export const gemini25FlashImage = defineFalGenerator({
  id: 'gemini-25-flash-image',
  title: 'Gemini 2.5 Flash Image',
  description: "Text to image with Google's Gemini 2.5 Flash Image (nano-banana) on fal",
  model: 'fal-ai/gemini-25-flash-image',
  family: 'google/nano-banana',
  artifactType: 'image',
  inputSchema: gemini25FlashImageInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', num_images: 1 },
  // Billed per output image.
  estimateCost: (input) => estimateFromPrice(price, input.num_images),
});
