import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/flux-pro/kontext on fal (the fields this package supports). */
export const fluxProKontextInput = z.strictObject({
  image_url: z
    .string()
    .min(1)
    .describe('Image prompt for the omni model. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to fal storage)'),
  prompt: z.string().min(1).describe('The prompt to generate an image from.'),
  aspect_ratio: z.enum(['21:9', '16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16', '9:21']).optional().describe('The aspect ratio of the generated image.'),
  enhance_prompt: z.boolean().optional().describe('Whether to enhance the prompt for better results.'),
  guidance_scale: z
    .number()
    .default(3.5)
    .describe(
      'The CFG (Classifier Free Guidance) scale is a measure of how close you want the model to stick to your prompt when looking for a related image to show you.',
    ),
  num_images: z.number().int().min(1).max(4).default(1).describe('The number of images to generate.'),
  output_format: z.enum(['jpeg', 'png']).default('jpeg').describe('The format of the generated image.'),
  safety_tolerance: z
    .enum(['1', '2', '3', '4', '5', '6'])
    .default('2')
    .describe('The safety tolerance level for the generated image. 1 being the most strict and 5 being the most permissive.'),
  seed: z.number().int().optional().describe('The same seed and the same prompt given to the same version of the model will output the same image every time.'),
});

const price = {
  usd: '0.04',
  unit: 'image',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/flux-pro/kontext',
} as const;

export const fluxProKontext = defineFalGenerator({
  id: 'flux-pro-kontext',
  title: 'FLUX.1 Kontext [pro]',
  description: "Image editing with Black Forest Labs' FLUX.1 Kontext [pro] on fal",
  model: 'fal-ai/flux-pro/kontext',
  family: 'black-forest-labs/flux-kontext-pro',
  artifactType: 'image',
  inputSchema: fluxProKontextInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', num_images: 1 },
  // Billed per output image.
  estimateCost: (input) => estimateFromPrice(price, input.num_images),
  // fal reads inputs by URL: each file is uploaded to fal storage first.
  uploads: { image_url: 'image' },
});
