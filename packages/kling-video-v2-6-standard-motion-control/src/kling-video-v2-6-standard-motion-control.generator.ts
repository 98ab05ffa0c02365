import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { unknownCost, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_MP4, RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_MP4, RED_CIRCLE_PNG };

/** Inputs of fal-ai/kling-video/v2.6/standard/motion-control on fal (the fields this package supports). */
export const klingVideoV26StandardMotionControlInput = z.strictObject({
  character_orientation: z
    .enum(['image', 'video'])
    .describe(
      "Controls whether the output character's orientation matches the reference image or video. 'video': orientation matches reference video - better for complex motions (max 30s). 'image': orientation m...",
    ),
  image_url: z
    .string()
    .min(1)
    .describe(
      "Reference image URL. The characters, backgrounds, and other elements in the generated video are based on this reference image. Characters should have clear body proportions, avoid occlusion, and oc... (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  video_url: z
    .string()
    .min(1)
    .describe(
      "Reference video URL. The character actions in the generated video will be consistent with this reference video. Should contain a realistic style character with entire body or upper body visible, in... (video: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  keep_original_sound: z.boolean().default(true).describe('Whether to keep the original sound from the reference video.'),
  prompt: z.string().optional().describe('Prompt'),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state none for this endpoint, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/kling-video/v2.6/standard/motion-control',
  unit: 'second',
});

export const klingVideoV26StandardMotionControl = defineFalGenerator({
  id: 'kling-video-v2-6-standard-motion-control',
  title: 'Kling 2.6 Standard Motion Control',
  description: 'The character of an image moving as in a reference video, with Kling 2.6 Standard on fal',
  model: 'fal-ai/kling-video/v2.6/standard/motion-control',
  family: 'kuaishou/kling-v2.6-standard-motion-control',
  artifactType: 'video',
  inputSchema: klingVideoV26StandardMotionControlInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { character_orientation: 'image', image_url: RED_CIRCLE_PNG, video_url: RED_CIRCLE_MP4 },
  // Billed per second of output: its length follows the reference video, which the estimate does not read.
  estimateCost: () => unknownCost(`billed per second of output, whose length follows the reference video sent; the price is unknown: ${price.reason}`),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_url: 'image', video_url: 'video' },
});
