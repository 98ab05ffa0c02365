import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/qwen-image-2/pro/edit on fal (the fields this package supports). */
export const qwenImage2ProEditInput = z.strictObject({
  image_urls: z
    .array(z.string().min(1))
    .min(1)
    .max(3)
    .describe(
      "Reference images for editing (1-3 images required). Order matters: reference as 'image 1', 'image 2', 'image 3' in prompt. Resolution: 384-5000px each dimension. Max size: 10MB each. Formats: JPEG,... (each image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).max(800).describe('Text prompt describing the desired image. Supports Chinese and English. Max 800 characters.'),
  enable_prompt_expansion: z.boolean().default(true).describe('Enable LLM prompt optimization for better results.'),
  enable_safety_checker: z.boolean().default(true).describe('Enable content moderation for input and output.'),
  image_size: z
    .enum(['square_hd', 'square', 'portrait_4_3', 'portrait_16_9', 'landscape_4_3', 'landscape_16_9'])
    .optional()
    .describe(
      'The size of the generated image. If not provided, the size of the final input image will be used. Total number of pixels must be between 512x512 and 2048x2048.',
    ),
  negative_prompt: z.string().max(500).default('').describe('Content to avoid in the generated image. Max 500 characters.'),
  num_images: z.number().int().min(1).max(4).default(1).describe('The number of images to generate.'),
  output_format: z.enum(['jpeg', 'png', 'webp']).default('png').describe('The format of the generated image.'),
  seed: z.number().int().min(0).max(2147483647).optional().describe('Random seed for reproducibility (0-2147483647).'),
});

const price = {
  usd: '0.075',
  unit: 'image',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/learn/tools/how-to-use-qwen-image-2',
  note: "per output image, from the endpoint table of fal's Qwen Image 2 guide",
} as const;

export const qwenImage2ProEdit = defineFalGenerator({
  id: 'qwen-image-2-pro-edit',
  title: 'Qwen Image 2.0 Pro Edit',
  description: "Image editing with Alibaba's Qwen Image 2.0 Pro on fal",
  model: 'fal-ai/qwen-image-2/pro/edit',
  family: 'alibaba/qwen-image-2-pro-edit',
  artifactType: 'image',
  inputSchema: qwenImage2ProEditInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', image_size: 'square', num_images: 1 },
  // Billed per output image.
  estimateCost: (input) => estimateFromPrice(price, input.num_images),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_urls: 'image' },
});
