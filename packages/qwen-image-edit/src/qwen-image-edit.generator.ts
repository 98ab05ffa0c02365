import { z } from 'zod';
import { billedMegapixels, defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownCost } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/qwen-image-edit on fal (the fields this package supports). */
export const qwenImageEditInput = z.strictObject({
  image_url: z
    .string()
    .min(1)
    .describe(
      "The URL of the image to edit. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('The prompt to generate the image with'),
  acceleration: z
    .enum(['none', 'regular', 'high'])
    .default('regular')
    .describe(
      "Acceleration level for image generation. Options: 'none', 'regular'. Higher acceleration increases speed. 'regular' balances speed and quality.",
    ),
  enable_safety_checker: z.boolean().default(true).describe('If set to true, the safety checker will be enabled.'),
  guidance_scale: z
    .number()
    .default(4)
    .describe(
      'The CFG (Classifier Free Guidance) scale is a measure of how close you want the model to stick to your prompt when looking for a related image to show you.',
    ),
  image_size: z
    .enum(['square_hd', 'square', 'portrait_4_3', 'portrait_16_9', 'landscape_4_3', 'landscape_16_9'])
    .optional()
    .describe('The size of the generated image.'),
  negative_prompt: z.string().default(' ').describe('The negative prompt for the generation'),
  num_images: z.number().int().min(1).max(4).default(1).describe('The number of images to generate.'),
  num_inference_steps: z.number().int().min(1).default(30).describe('The number of inference steps to perform.'),
  output_format: z.enum(['jpeg', 'png']).default('png').describe('The format of the generated image.'),
  seed: z.number().int().optional().describe('The same seed and the same prompt given to the same version of the model will output the same image every time.'),
});

const price = {
  usd: '0.03',
  unit: 'megapixel',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/qwen-image-edit',
  note: 'per megapixel of every output image, each counted here rounded up to whole megapixels (an upper bound)',
} as const;

export const qwenImageEdit = defineFalGenerator({
  id: 'qwen-image-edit',
  title: 'Qwen Image Edit',
  description: "Image editing with Alibaba's Qwen Image Edit on fal",
  model: 'fal-ai/qwen-image-edit',
  family: 'alibaba/qwen-image-edit',
  artifactType: 'image',
  inputSchema: qwenImageEditInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', image_size: 'square', num_images: 1 },
  // Billed per megapixel of every output image, each rounded up; without image_size the output takes the input image's size.
  estimateCost: (input) =>
    input.image_size === undefined
      ? unknownCost('the output takes the size of the input image: pass image_size for an estimate')
      : estimateFromPrice(price, input.num_images * billedMegapixels(input.image_size)),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_url: 'image' },
});
