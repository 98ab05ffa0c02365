import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG, SILENT_WAV } from '@boards/core';

export { RED_CIRCLE_PNG, SILENT_WAV };

/** Inputs of fal-ai/infinitalk on fal (the fields this package supports). */
export const infinitalkInput = z.strictObject({
  audio_url: z
    .string()
    .min(1)
    .describe("The URL of the audio file. (audio: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)"),
  image_url: z
    .string()
    .min(1)
    .describe(
      "URL of the input image. If the input image does not match the chosen aspect ratio, it is resized and center cropped. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('The text prompt to guide video generation.'),
  acceleration: z.enum(['none', 'regular', 'high']).default('regular').describe('The acceleration level to use for generation.'),
  num_frames: z.number().int().min(41).max(721).default(145).describe('Number of frames to generate. Must be between 41 to 721.'),
  resolution: z.enum(['480p', '720p']).default('480p').describe('Resolution of the video to generate. Must be either 480p or 720p.'),
  seed: z.number().int().default(42).describe('Random seed for reproducibility. If None, a random seed is chosen.'),
});

const price = unknownPrice({
  reason:
    "fal's own pages at hand state no price for this endpoint (its stored pages are the API pages of fal-ai/infinitalk/video-to-video, without a price), and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/infinitalk',
});

export const infinitalk = defineFalGenerator({
  id: 'infinitalk',
  title: 'InfiniteTalk',
  description: 'A talking video from one image and an audio track with InfiniteTalk on fal',
  model: 'fal-ai/infinitalk',
  family: 'meigen/infinitalk',
  artifactType: 'video',
  inputSchema: infinitalkInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { audio_url: SILENT_WAV, image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', num_frames: 41, resolution: '480p' },
  // fal states neither the price nor the unit it bills this endpoint in: every estimate is unknown.
  estimateCost: () => estimateFromPrice(price, 1),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { audio_url: 'audio', image_url: 'image' },
});
