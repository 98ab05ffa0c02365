import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_MP4_2S } from '@boards/core';

export { RED_CIRCLE_MP4_2S };

/** Inputs of xai/grok-imagine-video/extend-video on fal (the fields this package supports). */
export const grokImagineVideoExtendVideoInput = z.strictObject({
  prompt: z.string().min(1).describe('Text description of what should happen next in the video.'),
  video_url: z
    .string()
    .min(1)
    .describe(
      "URL of the source video to extend. Must be MP4 format (H.264, H.265, or AV1 codec), 2-15 seconds long. (video: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  duration: z.number().default(6).describe('Length of the extension in seconds.'),
});

const price = unknownPrice({
  reason: "fal's own pages state no price for it (2026-12-07)",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/xai/grok-imagine-video/extend-video',
  unit: 'second',
});

export const grokImagineVideoExtendVideo = defineFalGenerator({
  id: 'grok-imagine-video-extend-video',
  title: 'Grok Imagine Video Extend',
  description: "Extends a video of 2 to 15 seconds with xAI's Grok Imagine Video on fal",
  model: 'xai/grok-imagine-video/extend-video',
  family: 'xai/grok-imagine-video-extend-video',
  artifactType: 'video',
  inputSchema: grokImagineVideoExtendVideoInput,
  price,
  lifecycle: { status: 'active' },
  // The shortest source video the document allows (2 s); the extension keeps its default length, as the document states no limits.
  cheapestInput: { prompt: 'a red circle on a white background', video_url: RED_CIRCLE_MP4_2S },
  // Billed per second of output video.
  estimateCost: (input) => estimateFromPrice(price, input.duration),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { video_url: 'video' },
});
