import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, seconds, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/veo3.1/image-to-video on fal (the fields this package supports). */
export const veo31ImageToVideoInput = z.strictObject({
  image_url: z
    .string()
    .min(1)
    .describe(
      "URL of the input image to animate. Should be 720p or higher resolution in 16:9 or 9:16 aspect ratio. If the image is not in 16:9 or 9:16 aspect ratio, it will be cropped to fit. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('The text prompt describing how the image should be animated'),
  aspect_ratio: z.enum(['auto', '16:9', '9:16']).default('auto').describe('The aspect ratio of the generated video.'),
  auto_fix: z
    .boolean()
    .optional()
    .describe('Whether to automatically attempt to fix prompts that fail content policy or other validation checks by rewriting them.'),
  duration: z.enum(['4s', '6s', '8s']).default('8s').describe('The duration of the generated video.'),
  generate_audio: z.boolean().default(true).describe('Whether to generate audio for the video.'),
  negative_prompt: z.string().optional().describe('A negative prompt to guide the video generation.'),
  resolution: z.enum(['720p', '1080p']).default('720p').describe('The resolution of the generated video.'),
  safety_tolerance: z
    .enum(['1', '2', '3', '4', '5', '6'])
    .default('4')
    .describe('The safety tolerance level for content moderation. 1 is the most strict (blocks most content), 6 is the least strict.'),
  seed: z.number().int().optional().describe('The seed for the random number generator.'),
});

const price = unknownPrice({
  reason:
    "fal's own pages at hand state none for this endpoint (the per-second price on fal's page of fal-ai/veo3.1 is for text to video), and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/veo3.1/image-to-video',
  unit: 'second',
});

export const veo31ImageToVideo = defineFalGenerator({
  id: 'veo3-1-image-to-video',
  title: 'Veo 3.1 Image to Video',
  description: "Image to video with Google's Veo 3.1 on fal, with an optional soundtrack",
  model: 'fal-ai/veo3.1/image-to-video',
  family: 'google/veo3.1-image-to-video',
  artifactType: 'video',
  inputSchema: veo31ImageToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', duration: '4s', generate_audio: false, resolution: '720p' },
  // Billed per second of output video.
  estimateCost: (input) => estimateFromPrice(price, seconds(input.duration)),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_url: 'image' },
});
