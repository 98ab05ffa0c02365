import { z } from 'zod';
import { defineFalGenerator, billedMegapixels } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/flux-2 on fal (the fields this package supports). */
export const flux2Input = z.strictObject({
  prompt: z.string().min(1).describe('The prompt to generate an image from.'),
  acceleration: z.enum(['none', 'regular', 'high']).default('regular').describe('The acceleration level to use for the image generation.'),
  enable_prompt_expansion: z.boolean().optional().describe('If set to true, the prompt will be expanded for better results.'),
  enable_safety_checker: z.boolean().default(true).describe('If set to true, the safety checker will be enabled.'),
  guidance_scale: z
    .number()
    .default(2.5)
    .describe('Guidance Scale is a measure of how close you want the model to stick to your prompt when looking for a related image to show you.'),
  image_size: z
    .enum(['square_hd', 'square', 'portrait_4_3', 'portrait_16_9', 'landscape_4_3', 'landscape_16_9'])
    .default('landscape_4_3')
    .describe('The size of the image to generate. The width and height must be between 512 and 2048 pixels.'),
  num_images: z.number().int().min(1).max(4).default(1).describe('The number of images to generate.'),
  num_inference_steps: z.number().int().min(1).default(28).describe('The number of inference steps to perform.'),
  output_format: z.enum(['jpeg', 'png', 'webp']).default('png').describe('The format of the generated image.'),
  seed: z.number().int().optional().describe('The seed to use for the generation. If not provided, a random seed will be used.'),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state none for this endpoint, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/flux-2',
  unit: 'megapixel',
});

export const flux2 = defineFalGenerator({
  id: 'flux-2',
  title: 'FLUX.2 [dev]',
  description: "Text to image with Black Forest Labs' FLUX.2 [dev] on fal",
  model: 'fal-ai/flux-2',
  family: 'black-forest-labs/flux-2-dev',
  artifactType: 'image',
  inputSchema: flux2Input,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', image_size: 'square', num_images: 1 },
  // Billed per megapixel of every output image, each rounded up.
  estimateCost: (input) => estimateFromPrice(price, input.num_images * billedMegapixels(input.image_size)),
});
