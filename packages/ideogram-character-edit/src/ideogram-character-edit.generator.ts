import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/ideogram/character/edit on fal (the fields this package supports). */
export const ideogramCharacterEditInput = z.strictObject({
  image_url: z
    .string()
    .min(1)
    .describe(
      "The image URL to generate an image from. MUST have the exact same dimensions (width and height) as the mask image. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  mask_url: z
    .string()
    .min(1)
    .describe(
      "The mask URL to inpaint the image. MUST have the exact same dimensions (width and height) as the input image. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('The prompt to fill the masked part of the image.'),
  reference_image_urls: z
    .array(z.string().min(1))
    .min(1)
    .describe(
      "A set of images to use as character references. Currently only 1 image is supported, rest will be ignored. (maximum total size 10MB across all character references). The images should be in JPEG, P... (each image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  expand_prompt: z.boolean().default(true).describe('Determine if MagicPrompt should be used in generating the request or not.'),
  image_urls: z
    .array(z.string().min(1))
    .min(1)
    .describe(
      "A set of images to use as style references (maximum total size 10MB across all style references). The images should be in JPEG, PNG or WebP format (each image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    )
    .optional(),
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
  // Not supported by this package (their shape is not expressed): color_palette, style_codes.
});

const price = unknownPrice({
  reason: "fal's own pages at hand state no price for this endpoint, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/ideogram/character/edit',
  unit: 'image',
});

export const ideogramCharacterEdit = defineFalGenerator({
  id: 'ideogram-character-edit',
  title: 'Ideogram V3 Character Edit',
  description: 'Fills the masked part of an image with a consistent character, with Ideogram V3 Character Edit on fal',
  model: 'fal-ai/ideogram/character/edit',
  family: 'ideogram/ideogram-character-edit',
  artifactType: 'image',
  inputSchema: ideogramCharacterEditInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: {
    image_url: RED_CIRCLE_PNG,
    mask_url: RED_CIRCLE_PNG,
    prompt: 'a red circle on a white background',
    reference_image_urls: [RED_CIRCLE_PNG],
    num_images: 1,
    rendering_speed: 'TURBO',
  },
  // Billed per output image.
  estimateCost: (input) => estimateFromPrice(price, input.num_images),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_url: 'image', mask_url: 'image', reference_image_urls: 'image', image_urls: 'image', reference_mask_urls: 'image' },
});
