import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';

export const ASPECT_RATIOS = ['21:9', '16:9', '3:2', '4:3', '5:4', '1:1', '4:5', '3:4', '2:3', '9:16'] as const;

/** Inputs of fal-ai/nano-banana (NanoBananaTextToImageInput). */
export const nanoBananaInput = z.strictObject({
  prompt: z.string().min(3).max(50_000).describe('Text describing the image'),
  num_images: z.number().int().min(1).max(4).default(1).describe('How many images (1-4); each is billed'),
  aspect_ratio: z.enum(ASPECT_RATIOS).optional().describe('Aspect ratio (default 1:1)'),
  seed: z.number().int().optional().describe('Seed for reproducible output'),
  output_format: z.enum(['jpeg', 'png', 'webp']).default('png').describe('Image format'),
  safety_tolerance: z.enum(['1', '2', '3', '4', '5', '6']).optional().describe('1 strictest to 6 most permissive (default 4)'),
});

const price = { usd: '0.039', unit: 'image', checkedOn: '2026-11-22', source: 'https://fal.ai/models/fal-ai/nano-banana' } as const;

export const nanoBanana = defineFalGenerator({
  id: 'nano-banana',
  title: 'Nano Banana',
  description: "Text to image with Google's Gemini 2.5 Flash Image (nano-banana) on fal",
  model: 'fal-ai/nano-banana',
  family: 'google/nano-banana',
  artifactType: 'image',
  inputSchema: nanoBananaInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', num_images: 1 },
  estimateCost: (input) => estimateFromPrice(price, input.num_images),
});
