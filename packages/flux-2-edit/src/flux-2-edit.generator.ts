import { z } from 'zod';
import { defineFalGenerator, billedMegapixels } from '@boards/provider-fal';
import { estimateFromPrice, unknownCost, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/flux-2/edit on fal (the fields this package supports). */
export const flux2EditInput = z.strictObject({
  image_urls: z
    .array(z.string().min(1))
    .min(1)
    .describe(
      "The URLs of the images for editing. A maximum of 4 images are allowed, if more are provided, only the first 4 will be used. (each image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('The prompt to edit the image.'),
  acceleration: z.enum(['none', 'regular', 'high']).default('regular').describe('The acceleration level to use for the image generation.'),
  enable_prompt_expansion: z.boolean().optional().describe('If set to true, the prompt will be expanded for better results.'),
  enable_safety_checker: z.boolean().default(true).describe('If set to true, the safety checker will be enabled.'),
  guidance_scale: z
    .number()
    .default(2.5)
    .describe('Guidance Scale is a measure of how close you want the model to stick to your prompt when looking for a related image to show you.'),
  image_size: z
    .enum(['square_hd', 'square', 'portrait_4_3', 'portrait_16_9', 'landscape_4_3', 'landscape_16_9'])
    .optional()
    .describe('The size of the image to generate. The width and height must be between 512 and 2048 pixels.'),
  num_images: z.number().int().min(1).max(4).default(1).describe('The number of images to generate.'),
  num_inference_steps: z.number().int().min(1).default(28).describe('The number of inference steps to perform.'),
  output_format: z.enum(['jpeg', 'png', 'webp']).default('png').describe('The format of the generated image.'),
  seed: z.number().int().optional().describe('The seed to use for the generation. If not provided, a random seed will be used.'),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state none for this endpoint, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/flux-2/edit',
  unit: 'megapixel',
});

export const flux2Edit = defineFalGenerator({
  id: 'flux-2-edit',
  title: 'FLUX.2 [dev] Edit',
  description: "Image editing with Black Forest Labs' FLUX.2 [dev] on fal",
  model: 'fal-ai/flux-2/edit',
  family: 'black-forest-labs/flux-2-dev-edit',
  artifactType: 'image',
  inputSchema: flux2EditInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', image_size: 'square', num_images: 1 },
  // Billed per megapixel of every output image, each rounded up; without image_size the output takes the input image's size.
  estimateCost: (input) =>
    input.image_size === undefined
      ? unknownCost('the output takes the size of the input image: pass image_size for an estimate')
      : estimateFromPrice(price, input.num_images * billedMegapixels(input.image_size)),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_urls: 'image' },
});
