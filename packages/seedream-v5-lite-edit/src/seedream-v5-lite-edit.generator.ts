import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/bytedance/seedream/v5/lite/edit on fal (the fields this package supports). */
export const seedreamV5LiteEditInput = z.strictObject({
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
    .enum(['square_hd', 'square', 'portrait_4_3', 'portrait_16_9', 'landscape_4_3', 'landscape_16_9', 'auto_2K', 'auto_3K'])
    .default('auto_2K')
    .describe(
      'The size of the generated image. Total pixels must be between 2560x1440 and 3072x3072. In case the image size does not fall within these parameters, the image size will be adjusted to by scaling.',
    ),
  max_images: z
    .number()
    .int()
    .min(1)
    .max(6)
    .default(1)
    .describe('Up to this many images per generation (multi-image generation); each image is billed, so the estimate assumes the most'),
  num_images: z.number().int().min(1).max(4).default(1).describe('Number of separate model generations to be run with the prompt.'),
});

const price = {
  usd: '0.035',
  unit: 'image',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/bytedance/seedream/v5/lite/edit/llms.txt',
} as const;

export const seedreamV5LiteEdit = defineFalGenerator({
  id: 'seedream-v5-lite-edit',
  title: 'Seedream 5.0 Lite Edit',
  description: "Image editing with ByteDance's Seedream 5.0 Lite on fal",
  model: 'fal-ai/bytedance/seedream/v5/lite/edit',
  family: 'bytedance/seedream-5.0-lite-edit',
  artifactType: 'image',
  inputSchema: seedreamV5LiteEditInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', image_size: 'square', num_images: 1 },
  // Billed per output image: num_images generations of up to max_images each, estimated at the most.
  estimateCost: (input) => estimateFromPrice(price, input.num_images * input.max_images),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_urls: 'image' },
});
