import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';

/** Inputs of fal-ai/bytedance/seedream/v4.5/text-to-image on fal (the fields this package supports). */
export const seedreamV45Input = z.strictObject({
  prompt: z.string().min(1).describe('The text prompt used to generate the image'),
  enable_safety_checker: z.boolean().default(true).describe('If set to true, the safety checker will be enabled.'),
  image_size: z
    .enum(['square_hd', 'square', 'portrait_4_3', 'portrait_16_9', 'landscape_4_3', 'landscape_16_9', 'auto_2K', 'auto_4K'])
    .optional()
    .describe(
      'The size of the generated image. Width and height must be between 1920 and 4096, or total number of pixels must be between 2560*1440 and 4096*4096.',
    ),
  max_images: z
    .number()
    .int()
    .min(1)
    .max(6)
    .default(1)
    .describe('Up to this many images per generation (multi-image generation); each image is billed, so the estimate assumes the most'),
  num_images: z.number().int().min(1).max(4).default(1).describe('Number of separate model generations to be run with the prompt.'),
  seed: z.number().int().optional().describe('Random seed to control the stochasticity of image generation.'),
});

const price = {
  usd: '0.04',
  unit: 'image',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/bytedance/seedream/v4.5/text-to-image',
} as const;

export const seedreamV45 = defineFalGenerator({
  id: 'seedream-v4-5',
  title: 'Seedream 4.5',
  description: "Text to image with ByteDance's Seedream 4.5 on fal",
  model: 'fal-ai/bytedance/seedream/v4.5/text-to-image',
  family: 'bytedance/seedream-4.5',
  artifactType: 'image',
  inputSchema: seedreamV45Input,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', image_size: 'square', num_images: 1 },
  // Billed per output image: num_images generations of up to max_images each, estimated at the most.
  estimateCost: (input) => estimateFromPrice(price, input.num_images * input.max_images),
});
