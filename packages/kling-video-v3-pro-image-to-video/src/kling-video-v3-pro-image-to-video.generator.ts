import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, seconds, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/kling-video/v3/pro/image-to-video on fal (the fields this package supports). */
export const klingVideoV3ProImageToVideoInput = z.strictObject({
  // Optional in the document, which takes a prompt or a multi_prompt: without multi_prompt here, a prompt is required.
  prompt: z.string().min(1).describe('Text prompt for video generation. Either prompt or multi_prompt must be provided, but not both.'),
  start_image_url: z
    .string()
    .min(1)
    .describe(
      "URL of the image to be used for the video (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  cfg_scale: z.number().default(0.5).describe('The CFG (Classifier Free Guidance) scale is a measure of how close you want the model to stick to your prompt.'),
  duration: z
    .enum(['3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15'])
    .default('5')
    .describe('The duration of the generated video in seconds'),
  end_image_url: z
    .string()
    .min(1)
    .describe(
      "URL of the image to be used for the end of the video (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    )
    .optional(),
  generate_audio: z
    .boolean()
    .default(true)
    .describe(
      'Whether to generate native audio for the video. Supports Chinese and English voice output. Other languages are automatically translated to English. For English speech, use lowercase letters; for ac...',
    ),
  negative_prompt: z.string().default('blur, distort, and low quality').describe('Negative Prompt'),
  // Not supported by this package (their shape is not expressed): elements, multi_prompt, and shot_type, which only multi_prompt uses.
});

const price = unknownPrice({
  reason: "fal's own pages give two different prices ($0.112 a second on the model page, $0.224 a second in its llms.txt)",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/kling-video/v3/pro/image-to-video',
  unit: 'second',
});

export const klingVideoV3ProImageToVideo = defineFalGenerator({
  id: 'kling-video-v3-pro-image-to-video',
  title: 'Kling 3.0 Pro Image to Video',
  description: 'Image to video with Kling 3.0 Pro on fal, with an optional soundtrack and end frame',
  model: 'fal-ai/kling-video/v3/pro/image-to-video',
  family: 'kuaishou/kling-v3-pro-i2v',
  artifactType: 'video',
  inputSchema: klingVideoV3ProImageToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', start_image_url: RED_CIRCLE_PNG, duration: '3', generate_audio: false },
  // Billed per second of output video (at a higher rate with audio, by both of fal's pages).
  estimateCost: (input) => estimateFromPrice(price, seconds(input.duration)),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { start_image_url: 'image', end_image_url: 'image' },
});
