import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

const ASPECT_RATIOS = ['auto', '21:9', '16:9', '3:2', '4:3', '5:4', '1:1', '4:5', '3:4', '2:3', '9:16'] as const;

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/nano-banana/edit (NanoBananaImageToImageInput). */
export const nanoBananaEditInput = z.strictObject({
  prompt: z.string().min(3).max(50_000).describe('How to edit the images'),
  image_urls: z
    .array(z.string().min(1))
    .min(1)
    .describe('Images to edit: local paths, file:// / https:// / data: URLs or stored artifact URLs; each is uploaded to fal storage'),
  num_images: z.number().int().min(1).max(4).default(1).describe('How many images (1-4); each is billed'),
  aspect_ratio: z.enum(ASPECT_RATIOS).optional().describe('Aspect ratio (default auto: that of the first input image)'),
  seed: z.number().int().optional().describe('Seed for reproducible output'),
  output_format: z.enum(['jpeg', 'png', 'webp']).default('png').describe('Image format'),
  safety_tolerance: z.enum(['1', '2', '3', '4', '5', '6']).optional().describe('1 strictest to 6 most permissive (default 4)'),
});

const price = { usd: '0.039', unit: 'image', checkedOn: '2026-11-22', source: 'https://fal.ai/models/fal-ai/nano-banana/edit' } as const;

export const nanoBananaEdit = defineFalGenerator({
  id: 'nano-banana-edit',
  title: 'Nano Banana Edit',
  description: "Image editing with Google's Gemini 2.5 Flash Image (nano-banana/edit) on fal",
  model: 'fal-ai/nano-banana/edit',
  family: 'google/nano-banana-edit',
  artifactType: 'image',
  inputSchema: nanoBananaEditInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'make the circle blue', image_urls: [RED_CIRCLE_PNG], num_images: 1 },
  // Billed per output image.
  estimateCost: (input) => estimateFromPrice(price, input.num_images),
  // fal reads inputs by URL: each image is uploaded to fal storage first.
  uploads: { image_urls: 'image' },
});
