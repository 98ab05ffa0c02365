import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/gpt-image-1.5/edit on fal as they were; kept so configurations naming it get a clear answer. */
export const gptImage15EditInput = z.strictObject({
  image_urls: z
    .array(z.string().min(1))
    .min(1)
    .describe(
      "The URLs of the images to use as a reference for the generation. (each image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('The prompt for image generation'),
  background: z.enum(['auto', 'transparent', 'opaque']).default('auto').describe('Background for the generated image'),
  image_size: z.enum(['auto', '1024x1024', '1536x1024', '1024x1536']).default('auto').describe('Aspect ratio for the generated image'),
  input_fidelity: z.enum(['low', 'high']).default('high').describe('Input fidelity for the generated image'),
  mask_image_url: z
    .string()
    .min(1)
    .describe(
      "The URL of the mask image to use for the generation. This indicates what part of the image to edit. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    )
    .optional(),
  num_images: z.number().int().min(1).max(4).default(1).describe('Number of images to generate'),
  output_format: z.enum(['jpeg', 'png', 'webp']).default('png').describe('Output format for the images'),
  quality: z.enum(['low', 'medium', 'high']).default('high').describe('Quality for the generated image'),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state no price for this endpoint, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/gpt-image-1.5/edit',
  unit: 'image',
});

export const gptImage15Edit = defineFalGenerator({
  id: 'gpt-image-1-5-edit',
  title: 'GPT Image 1.5 Edit',
  description: "Image editing with OpenAI's gpt-image-1.5 on fal, shut down on 2026-12-01 (successor: gpt-image-2)",
  model: 'fal-ai/gpt-image-1.5/edit',
  family: 'openai/gpt-image-1.5-edit',
  artifactType: 'image',
  inputSchema: gptImage15EditInput,
  price,
  lifecycle: {
    status: 'retired',
    retiredOn: '2026-12-01',
    successor: 'gpt-image-2',
    note: 'OpenAI shut gpt-image-1.5 and gpt-image-1-mini down on 2026-12-01',
  },
  cheapestInput: {
    image_urls: [RED_CIRCLE_PNG],
    prompt: 'a red circle on a white background',
    image_size: '1024x1024',
    input_fidelity: 'low',
    num_images: 1,
    quality: 'low',
  },
  // Billed per output image (at a price fal's pages at hand do not state).
  estimateCost: (input) => estimateFromPrice(price, input.num_images),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_urls: 'image', mask_image_url: 'image' },
});
