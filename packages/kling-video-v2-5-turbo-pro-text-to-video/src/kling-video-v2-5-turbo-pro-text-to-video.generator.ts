import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, seconds, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/kling-video/v2.5-turbo/pro/text-to-video on fal (the fields this package supports). */
export const klingVideoV25TurboProTextToVideoInput = z.strictObject({
  prompt: z.string().min(1).describe('Prompt'),
  aspect_ratio: z.enum(['16:9', '9:16', '1:1']).default('16:9').describe('The aspect ratio of the generated video frame'),
  cfg_scale: z.number().default(0.5).describe('The CFG (Classifier Free Guidance) scale is a measure of how close you want the model to stick to your prompt.'),
  duration: z.enum(['5', '10']).default('5').describe('The duration of the generated video in seconds'),
  negative_prompt: z.string().default('blur, distort, and low quality').describe('Negative Prompt'),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state none for this endpoint (its published price is the image-to-video endpoint's), and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/kling-video/v2.5-turbo/pro/text-to-video',
  unit: 'second',
});

export const klingVideoV25TurboProTextToVideo = defineFalGenerator({
  id: 'kling-video-v2-5-turbo-pro-text-to-video',
  title: 'Kling 2.5 Turbo Pro Text to Video',
  description: 'Text to video with Kling 2.5 Turbo Pro on fal',
  model: 'fal-ai/kling-video/v2.5-turbo/pro/text-to-video',
  family: 'kuaishou/kling-v2.5-turbo-pro-t2v',
  artifactType: 'video',
  inputSchema: klingVideoV25TurboProTextToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', duration: '5' },
  // Billed per second of output video.
  estimateCost: (input) => estimateFromPrice(price, seconds(input.duration)),
});
