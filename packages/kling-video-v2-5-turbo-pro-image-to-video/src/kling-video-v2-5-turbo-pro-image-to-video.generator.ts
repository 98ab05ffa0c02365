import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/kling-video/v2.5-turbo/pro/image-to-video on fal (the fields this package supports). */
export const klingVideoV25TurboProImageToVideoInput = z.strictObject({
  image_url: z
    .string()
    .min(1)
    .describe(
      "URL of the image to be used for the video (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('Prompt'),
  cfg_scale: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('The CFG (Classifier Free Guidance) scale is a measure of how close you want the model to stick to your prompt.'),
  duration: z.enum(['5', '10']).default('5').describe('The duration of the generated video in seconds'),
  negative_prompt: z.string().default('blur, distort, and low quality').describe('Negative Prompt'),
  tail_image_url: z
    .string()
    .min(1)
    .describe(
      "URL of the image to be used for the end of the video (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    )
    .optional(),
});

const price = {
  usd: '0.07',
  unit: 'second',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/kling-video/v2.5-turbo/pro/image-to-video/llms.txt',
  note: '$0.35 for 5 s, $0.07 for every further second',
} as const;

export const klingVideoV25TurboProImageToVideo = defineFalGenerator({
  id: 'kling-video-v2-5-turbo-pro-image-to-video',
  title: 'Kling 2.5 Turbo Pro Image to Video',
  description: 'Image to video with Kling 2.5 Turbo Pro on fal, with an optional end frame',
  model: 'fal-ai/kling-video/v2.5-turbo/pro/image-to-video',
  family: 'kuaishou/kling-v2.5-turbo-pro-i2v',
  artifactType: 'video',
  inputSchema: klingVideoV25TurboProImageToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', duration: '5' },
  // Billed per second of output video: $0.35 for 5 s and $0.07 a second after, i.e. $0.07 a second for 5 s or 10 s.
  estimateCost: (input) => estimateFromPrice(price, parseInt(input.duration, 10)),
  billedPrice: () => price,
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_url: 'image', tail_image_url: 'image' },
});
