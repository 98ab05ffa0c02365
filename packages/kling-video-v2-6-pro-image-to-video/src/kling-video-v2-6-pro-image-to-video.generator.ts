import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/kling-video/v2.6/pro/image-to-video on fal (the fields this package supports). */
export const klingVideoV26ProImageToVideoInput = z.strictObject({
  prompt: z.string().min(1).describe('Prompt'),
  start_image_url: z
    .string()
    .min(1)
    .describe(
      "URL of the image to be used for the video (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  duration: z.enum(['5', '10']).default('5').describe('The duration of the generated video in seconds'),
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
  // Not supported by this package (their shape is not expressed): voice_ids.
});

const price = {
  usd: '0.07',
  unit: 'second',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/kling-video/v2.6/pro/image-to-video/llms.txt',
  note: 'without audio; $0.14 per second with generate_audio',
} as const;
const withAudio = { ...price, usd: '0.14' } as const;

export const klingVideoV26ProImageToVideo = defineFalGenerator({
  id: 'kling-video-v2-6-pro-image-to-video',
  title: 'Kling 2.6 Pro Image to Video',
  description: 'Image to video with Kling 2.6 Pro on fal, with an optional soundtrack and end frame',
  model: 'fal-ai/kling-video/v2.6/pro/image-to-video',
  family: 'kuaishou/kling-v2.6-pro-i2v',
  artifactType: 'video',
  inputSchema: klingVideoV26ProImageToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', start_image_url: RED_CIRCLE_PNG, duration: '5', generate_audio: false },
  // Billed per second of output video, at the audio rate when a soundtrack is generated (voice_ids, $0.168 a second, are not offered here).
  estimateCost: (input) => estimateFromPrice(input.generate_audio ? withAudio : price, parseInt(input.duration, 10)),
  billedPrice: (input) => (input.generate_audio ? withAudio : price),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { start_image_url: 'image', end_image_url: 'image' },
});
