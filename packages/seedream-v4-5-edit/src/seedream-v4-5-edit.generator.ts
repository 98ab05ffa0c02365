import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/bytedance/seedream/v4.5/edit on fal (the fields this package supports). */
export const seedreamV45EditInput = z.strictObject({
  image_urls: z
    .array(z.string().min(1))
    .min(1)
    .max(10)
    .describe(
      "List of URLs of input images for editing. Presently, up to 10 image inputs are allowed. If over 10 images are sent, only the last 10 will be used. (each image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('The text prompt used to edit the image'),
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

const price = unknownPrice({
  reason: "fal's own pages at hand state no price for this endpoint (only its text-to-image sibling's), and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/bytedance/seedream/v4.5/edit',
  unit: 'image',
});

export const seedreamV45Edit = defineFalGenerator({
  id: 'seedream-v4-5-edit',
  title: 'Seedream 4.5 Edit',
  description: "Image editing with ByteDance's Seedream 4.5 on fal",
  model: 'fal-ai/bytedance/seedream/v4.5/edit',
  family: 'bytedance/seedream-4.5-edit',
  artifactType: 'image',
  inputSchema: seedreamV45EditInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', image_size: 'square', num_images: 1 },
  // Billed per output image: num_images generations of up to max_images each, estimated at the most.
  estimateCost: (input) => estimateFromPrice(price, input.num_images * input.max_images),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_urls: 'image' },
});
