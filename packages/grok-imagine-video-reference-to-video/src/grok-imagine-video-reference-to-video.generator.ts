import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of xai/grok-imagine-video/reference-to-video on fal (the fields this package supports). */
export const grokImagineVideoReferenceToVideoInput = z.strictObject({
  prompt: z.string().min(1).describe('Text prompt describing the video to generate. Use'),
  reference_image_urls: z
    .array(z.string().min(1))
    .min(1)
    .max(7)
    .describe(
      "One or more reference image URLs to guide the video generation as style and content references. Reference in prompt as (each image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  aspect_ratio: z.enum(['16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16']).default('16:9').describe('Aspect ratio of the generated video.'),
  duration: z.number().int().min(1).max(10).default(8).describe('Video duration in seconds (1-10).'),
  resolution: z.enum(['480p', '720p']).default('480p').describe('Resolution of the output video.'),
});

const price = unknownPrice({
  reason:
    "fal's own pages at hand state none for this endpoint (the per-second rates of the other Grok Imagine Video endpoints are not this one's), and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/xai/grok-imagine-video/reference-to-video',
  unit: 'second',
});

export const grokImagineVideoReferenceToVideo = defineFalGenerator({
  id: 'grok-imagine-video-reference-to-video',
  title: 'Grok Imagine Video Reference to Video',
  description: "Video guided by reference images (style and content, not a first frame) with xAI's Grok Imagine Video on fal",
  model: 'xai/grok-imagine-video/reference-to-video',
  family: 'xai/grok-imagine-video-reference-to-video',
  artifactType: 'video',
  inputSchema: grokImagineVideoReferenceToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', reference_image_urls: [RED_CIRCLE_PNG], duration: 1, resolution: '480p' },
  // Billed per second of output video.
  estimateCost: (input) => estimateFromPrice(price, input.duration),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { reference_image_urls: 'image' },
});
