import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/ideogram/character on fal (the fields this package supports). */
export const ideogramCharacterInput = z.strictObject({
  prompt: z.string().min(1).describe('The prompt to fill the masked part of the image.'),
  reference_image_urls: z
    .array(z.string().min(1))
    .min(1)
    .describe(
      "A set of images to use as character references. Currently only 1 image is supported, rest will be ignored. (maximum total size 10MB across all character references). The images should be in JPEG, P... (each image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  expand_prompt: z.boolean().default(true).describe('Determine if MagicPrompt should be used in generating the request or not.'),
  image_size: z
    .enum(['square_hd', 'square', 'portrait_4_3', 'portrait_16_9', 'landscape_4_3', 'landscape_16_9'])
    .default('square_hd')
    .describe('The resolution of the generated image'),
  image_urls: z
    .array(z.string().min(1))
    .min(1)
    .describe(
      "A set of images to use as style references (maximum total size 10MB across all style references). The images should be in JPEG, PNG or WebP format (each image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    )
    .optional(),
  negative_prompt: z
    .string()
    .default('')
    .describe('Description of what to exclude from an image. Descriptions in the prompt take precedence to descriptions in the negative prompt.'),
  num_images: z.number().int().min(1).max(4).default(1).describe('Number of images to generate.'),
  reference_mask_urls: z
    .array(z.string().min(1))
    .min(1)
    .describe(
      "A set of masks to apply to the character references. Currently only 1 mask is supported, rest will be ignored. (maximum total size 10MB across all character references). The masks should be in JPEG... (each image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    )
    .optional(),
  rendering_speed: z.enum(['TURBO', 'BALANCED', 'QUALITY']).default('BALANCED').describe('The rendering speed to use.'),
  seed: z.number().int().optional().describe('Seed for the random number generator'),
  style: z.enum(['AUTO', 'REALISTIC', 'FICTION']).default('AUTO').describe('The style type to generate with. Cannot be used with style_codes.'),
  // Not supported by this package (their shape is not expressed): color_palette, style_codes.
});

const price = {
  usd: '0.10',
  unit: 'image',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/ideogram/character/llms.txt',
  note: 'TURBO rendering; $0.15 BALANCED, the default; $0.20 QUALITY',
} as const;
const RATES = { TURBO: price, BALANCED: { ...price, usd: '0.15' }, QUALITY: { ...price, usd: '0.20' } } as const;

export const ideogramCharacter = defineFalGenerator({
  id: 'ideogram-character',
  title: 'Ideogram V3 Character',
  description: 'Consistent-character images from one reference with Ideogram V3 Character on fal',
  model: 'fal-ai/ideogram/character',
  family: 'ideogram/ideogram-character',
  artifactType: 'image',
  inputSchema: ideogramCharacterInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: {
    prompt: 'a red circle on a white background',
    reference_image_urls: [RED_CIRCLE_PNG],
    image_size: 'square',
    num_images: 1,
    rendering_speed: 'TURBO',
  },
  // Billed at the rate of the rendering speed, counted per output image (fal states the price of a one-image request).
  estimateCost: (input) => estimateFromPrice(RATES[input.rendering_speed], input.num_images),
  billedPrice: (input) => RATES[input.rendering_speed],
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { reference_image_urls: 'image', image_urls: 'image', reference_mask_urls: 'image' },
});
