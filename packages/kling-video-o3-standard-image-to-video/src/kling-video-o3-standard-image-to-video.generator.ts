import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownCost } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/kling-video/o3/standard/image-to-video on fal (the fields this package supports). */
export const klingVideoO3StandardImageToVideoInput = z.strictObject({
  image_url: z
    .string()
    .min(1)
    .describe(
      "URL of the start frame image. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  duration: z.enum(['3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15']).default('5').describe('Video duration in seconds (3-15s).'),
  end_image_url: z
    .string()
    .min(1)
    .describe(
      "URL of the end frame image (optional). (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    )
    .optional(),
  generate_audio: z.boolean().optional().describe('Whether to generate native audio for the video.'),
  prompt: z.string().optional().describe('Text prompt for video generation. Either prompt or multi_prompt must be provided, but not both.'),
  shot_type: z.string().default('customize').describe('The type of multi-shot video generation.'),
  // Not supported by this package (their shape is not expressed): multi_prompt.
});

const price = {
  usd: '0.084',
  unit: 'second',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/kling-video/o3/standard/image-to-video',
  note: 'without audio; $0.112 per second with generate_audio',
} as const;
const withAudio = { ...price, usd: '0.112' } as const;

export const klingVideoO3StandardImageToVideo = defineFalGenerator({
  id: 'kling-video-o3-standard-image-to-video',
  title: 'Kling O3 Standard Image to Video',
  description: 'Image to video with Kling O3 Standard on fal: a start frame, an optional end frame and soundtrack',
  model: 'fal-ai/kling-video/o3/standard/image-to-video',
  family: 'kuaishou/kling-o3-standard-i2v',
  artifactType: 'video',
  inputSchema: klingVideoO3StandardImageToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_url: RED_CIRCLE_PNG, duration: '3', generate_audio: false },
  // Billed per second of output video, at the audio rate when a soundtrack is generated. The published types state no
  // default for generate_audio, so a request without it is priced unknown rather than guessed.
  estimateCost: (input) =>
    input.generate_audio === undefined
      ? unknownCost('generate_audio not set: fal states no default for it, and a soundtrack costs $0.112 instead of $0.084 a second')
      : estimateFromPrice(input.generate_audio ? withAudio : price, parseInt(input.duration, 10)),
  billedPrice: (input) => (input.generate_audio ? withAudio : price),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_url: 'image', end_image_url: 'image' },
});
