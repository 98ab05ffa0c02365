import { z } from 'zod';
import { defineFalGenerator, billedMegapixels } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';

/** Inputs of fal-ai/qwen-image on fal (the fields this package supports). */
export const qwenImageInput = z.strictObject({
  prompt: z.string().min(1).describe('The prompt to generate the image with'),
  acceleration: z
    .enum(['none', 'regular', 'high'])
    .default('none')
    .describe(
      "Acceleration level for image generation. Options: 'none', 'regular', 'high'. Higher acceleration increases speed. 'regular' balances speed and quality. 'high' is recommended for images without text.",
    ),
  enable_safety_checker: z.boolean().default(true).describe('If set to true, the safety checker will be enabled.'),
  guidance_scale: z
    .number()
    .default(2.5)
    .describe(
      'The CFG (Classifier Free Guidance) scale is a measure of how close you want the model to stick to your prompt when looking for a related image to show you.',
    ),
  image_size: z
    .enum(['square_hd', 'square', 'portrait_4_3', 'portrait_16_9', 'landscape_4_3', 'landscape_16_9'])
    .default('landscape_4_3')
    .describe('The size of the generated image.'),
  negative_prompt: z.string().default(' ').describe('The negative prompt for the generation'),
  num_images: z.number().int().min(1).max(4).default(1).describe('The number of images to generate.'),
  num_inference_steps: z.number().int().min(1).default(30).describe('The number of inference steps to perform.'),
  output_format: z.enum(['jpeg', 'png']).default('png').describe('The format of the generated image.'),
  seed: z.number().int().optional().describe('The same seed and the same prompt given to the same version of the model will output the same image every time.'),
  use_turbo: z
    .boolean()
    .optional()
    .describe('Enable turbo mode for faster generation with high quality. When enabled, uses optimized settings (10 steps, CFG=1.2).'),
  // Not supported by this package (their shape is not expressed): loras.
});

const price = {
  usd: '0.02',
  unit: 'megapixel',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/learn/tools/flux-vs-qwen-image',
  note: "fal's FLUX vs Qwen Image guide, base model: per megapixel of every output image, each counted here rounded up to whole megapixels, an upper bound",
} as const;

export const qwenImage = defineFalGenerator({
  id: 'qwen-image',
  title: 'Qwen Image',
  description: "Text to image with Alibaba's Qwen Image on fal",
  model: 'fal-ai/qwen-image',
  family: 'alibaba/qwen-image',
  artifactType: 'image',
  inputSchema: qwenImageInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', image_size: 'square', num_images: 1 },
  // Billed per megapixel of every output image, each rounded up.
  estimateCost: (input) => estimateFromPrice(price, input.num_images * billedMegapixels(input.image_size)),
});
