import { z } from 'zod';
import { defineFalGenerator, billedMegapixels } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';

/** Inputs of fal-ai/flux-2-flex on fal (the fields this package supports). */
export const flux2FlexInput = z.strictObject({
  prompt: z.string().min(1).describe('The prompt to generate an image from.'),
  enable_safety_checker: z.boolean().default(true).describe('Whether to enable the safety checker.'),
  guidance_scale: z.number().default(3.5).describe('The guidance scale to use for the generation.'),
  image_size: z
    .enum(['square_hd', 'square', 'portrait_4_3', 'portrait_16_9', 'landscape_4_3', 'landscape_16_9'])
    .default('landscape_4_3')
    .describe('The size of the generated image.'),
  num_inference_steps: z.number().int().min(1).default(28).describe('The number of inference steps to perform.'),
  output_format: z.enum(['jpeg', 'png']).default('jpeg').describe('The format of the generated image.'),
  safety_tolerance: z
    .enum(['1', '2', '3', '4', '5'])
    .default('2')
    .describe('The safety tolerance level for the generated image. 1 being the most strict and 5 being the most permissive.'),
  seed: z.number().int().optional().describe('The seed to use for the generation.'),
});

const price = {
  usd: '0.05',
  unit: 'megapixel',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/flux-2-flex/llms.txt',
  note: 'per megapixel of input and output images, each rounded up to whole megapixels; this text-to-image endpoint takes no input image',
} as const;

export const flux2Flex = defineFalGenerator({
  id: 'flux-2-flex',
  title: 'FLUX.2 [flex]',
  description: "Text to image with Black Forest Labs' FLUX.2 [flex] on fal",
  model: 'fal-ai/flux-2-flex',
  family: 'black-forest-labs/flux-2-flex',
  artifactType: 'image',
  inputSchema: flux2FlexInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', image_size: 'square' },
  // One image a call, billed per megapixel rounded up (fal: 512x512 and 1024x1024 are 1 megapixel each).
  estimateCost: (input) => estimateFromPrice(price, billedMegapixels(input.image_size)),
});
