import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, seconds, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/kling-video/v3/pro/text-to-video on fal (the fields this package supports). */
export const klingVideoV3ProTextToVideoInput = z.strictObject({
  // Required here: the document takes prompt or multi_prompt, and this package sends no multi_prompt.
  prompt: z.string().min(1).describe('Text prompt for video generation. Either prompt or multi_prompt must be provided, but not both.'),
  aspect_ratio: z.enum(['16:9', '9:16', '1:1']).default('16:9').describe('The aspect ratio of the generated video frame'),
  cfg_scale: z.number().default(0.5).describe('The CFG (Classifier Free Guidance) scale is a measure of how close you want the model to stick to your prompt.'),
  duration: z
    .enum(['3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15'])
    .default('5')
    .describe('The duration of the generated video in seconds'),
  generate_audio: z
    .boolean()
    .default(true)
    .describe(
      'Whether to generate native audio for the video. Supports Chinese and English voice output. Other languages are automatically translated to English. For English speech, use lowercase letters; for ac...',
    ),
  negative_prompt: z.string().default('blur, distort, and low quality').describe('Negative Prompt'),
  shot_type: z.enum(['customize', 'intelligent']).default('customize').describe('The type of multi-shot video generation'),
  // Not supported by this package (their shape is not expressed): multi_prompt.
});

const price = unknownPrice({
  reason: "fal's own pages disagree (2026-12-07): $0.112 per second on the model page, $0.224 per second in its llms.txt, so neither is a verified price",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/kling-video/v3/pro/text-to-video',
  unit: 'second',
});

export const klingVideoV3ProTextToVideo = defineFalGenerator({
  id: 'kling-video-v3-pro-text-to-video',
  title: 'Kling 3.0 Pro Text to Video',
  description: 'Text to video with Kling 3.0 Pro on fal, with optional native audio',
  model: 'fal-ai/kling-video/v3/pro/text-to-video',
  family: 'kuaishou/kling-v3-pro-t2v',
  artifactType: 'video',
  inputSchema: klingVideoV3ProTextToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', duration: '3', generate_audio: false },
  // Billed per second of output video.
  estimateCost: (input) => estimateFromPrice(price, seconds(input.duration)),
});
