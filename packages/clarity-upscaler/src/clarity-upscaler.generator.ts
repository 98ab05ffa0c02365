import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownCost } from '@boards/cost';
import { probeLocalMedia, RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/clarity-upscaler on fal (the fields this package supports). */
export const clarityUpscalerInput = z.strictObject({
  image_url: z
    .string()
    .min(1)
    .describe(
      "The URL of the image to upscale. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  creativity: z
    .number()
    .min(0)
    .max(1)
    .default(0.35)
    .describe(
      'The creativity of the model. The higher the creativity, the more the model will deviate from the prompt. Refers to the denoise strength of the sampling.',
    ),
  enable_safety_checker: z.boolean().default(true).describe('If set to false, the safety checker will be disabled.'),
  guidance_scale: z
    .number()
    .default(4)
    .describe(
      'The CFG (Classifier Free Guidance) scale is a measure of how close you want the model to stick to your prompt when looking for a related image to show you.',
    ),
  negative_prompt: z
    .string()
    .default('(worst quality, low quality, normal quality:2)')
    .describe("The negative prompt to use. Use it to address details that you don't want in the image."),
  num_inference_steps: z.number().int().min(1).default(18).describe('The number of inference steps to perform.'),
  prompt: z
    .string()
    .default('masterpiece, best quality, highres')
    .describe('The prompt to use for generating the image. Be as descriptive as possible for best results.'),
  resemblance: z
    .number()
    .default(0.6)
    .describe(
      'The resemblance of the upscaled image to the original image. The higher the resemblance, the more the model will try to keep the original image. Refers to the strength of the ControlNet.',
    ),
  seed: z
    .number()
    .int()
    .optional()
    .describe('The same seed and the same prompt given to the same version of Stable Diffusion will output the same image every time.'),
  upscale_factor: z.number().min(1).max(4).default(2).describe('The upscale factor: the output is the input image times this, in width and height.'),
});

const price = {
  usd: '0.03',
  unit: 'megapixel',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/clarity-upscaler/llms.txt',
  note: 'per megapixel of the upscaled image, the input image times upscale_factor, counted here rounded up to whole megapixels, an upper bound',
} as const;

/** Megapixels fal bills for the upscaled image, whole megapixels of 1024x1024 rounded up as billedMegapixels counts a preset. */
function upscaledMegapixels(width: number, height: number, factor: number): number {
  return Math.ceil((Math.round(width * factor) * Math.round(height * factor)) / 2 ** 20);
}

export const clarityUpscaler = defineFalGenerator({
  id: 'clarity-upscaler',
  title: 'Clarity Upscaler',
  description: 'Image upscaling with the Clarity Upscaler on fal',
  model: 'fal-ai/clarity-upscaler',
  family: 'philz1337x/clarity-upscaler',
  artifactType: 'image',
  inputSchema: clarityUpscalerInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_url: RED_CIRCLE_PNG, upscale_factor: 1 },
  // Billed per megapixel of the one output image, whose size is the input image's times upscale_factor:
  // known when the image is read here (a local path, file:// or data: URL), unknown for a remote URL.
  estimateCost: (input) => {
    const { width, height } = probeLocalMedia(input.image_url) ?? {};
    return width === undefined || height === undefined
      ? unknownCost("the output's size follows the input image's, which is not read before it is sent (a remote URL or an unparsed format)")
      : estimateFromPrice(price, upscaledMegapixels(width, height, input.upscale_factor));
  },
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_url: 'image' },
});
