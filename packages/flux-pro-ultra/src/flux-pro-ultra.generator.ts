import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';

/** Inputs of fal-ai/flux-pro/v1.1-ultra on fal (the fields this package supports). */
export const fluxProUltraInput = z.strictObject({
  prompt: z.string().min(1).describe('The prompt to generate an image from.'),
  aspect_ratio: z
    .enum(['21:9', '16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16', '9:21'])
    .default('16:9')
    .describe('The aspect ratio of the generated image.'),
  enhance_prompt: z.boolean().optional().describe('Whether to enhance the prompt for better results.'),
  image_prompt_strength: z.number().default(0.1).describe('The strength of the image prompt, between 0 and 1.'),
  image_url: z
    .string()
    .min(1)
    .describe(
      'The image URL to generate an image from. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to fal storage)',
    )
    .optional(),
  num_images: z.number().int().min(1).max(4).default(1).describe('The number of images to generate.'),
  output_format: z.enum(['jpeg', 'png']).default('jpeg').describe('The format of the generated image.'),
  raw: z.boolean().optional().describe('Generate less processed, more natural-looking images.'),
  safety_tolerance: z
    .enum(['1', '2', '3', '4', '5', '6'])
    .default('2')
    .describe('The safety tolerance level for the generated image. 1 being the most strict and 5 being the most permissive.'),
  seed: z.number().int().optional().describe('The same seed and the same prompt given to the same version of the model will output the same image every time.'),
});

const price = {
  usd: '0.06',
  unit: 'image',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/flux-pro/v1.1-ultra',
} as const;

export const fluxProUltra = defineFalGenerator({
  id: 'flux-pro-ultra',
  title: 'FLUX1.1 [pro] ultra',
  description: "Text to image with Black Forest Labs' FLUX1.1 [pro] ultra on fal",
  model: 'fal-ai/flux-pro/v1.1-ultra',
  family: 'black-forest-labs/flux-1.1-pro-ultra',
  artifactType: 'image',
  inputSchema: fluxProUltraInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', num_images: 1 },
  // Billed per output image.
  estimateCost: (input) => estimateFromPrice(price, input.num_images),
  // fal reads inputs by URL: each file is uploaded to fal storage first.
  uploads: { image_url: 'image' },
});
