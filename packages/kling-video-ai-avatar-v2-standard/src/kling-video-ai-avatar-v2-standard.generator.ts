import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { unknownCost, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG, SILENT_WAV } from '@boards/core';

export { RED_CIRCLE_PNG, SILENT_WAV };

/** Inputs of fal-ai/kling-video/ai-avatar/v2/standard on fal (the fields this package supports). */
export const klingVideoAiAvatarV2StandardInput = z.strictObject({
  audio_url: z
    .string()
    .min(1)
    .describe("The URL of the audio file. (audio: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)"),
  image_url: z
    .string()
    .min(1)
    .describe(
      "The URL of the image to use as your avatar (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().default('.').describe('The prompt to use for the video generation.'),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state none for this endpoint, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/kling-video/ai-avatar/v2/standard',
  unit: 'second',
});

export const klingVideoAiAvatarV2Standard = defineFalGenerator({
  id: 'kling-video-ai-avatar-v2-standard',
  title: 'Kling AI Avatar v2 Standard',
  description: 'A talking avatar from an image and an audio track, with Kling AI Avatar v2 Standard on fal',
  model: 'fal-ai/kling-video/ai-avatar/v2/standard',
  family: 'kuaishou/kling-ai-avatar-v2-standard',
  artifactType: 'video',
  inputSchema: klingVideoAiAvatarV2StandardInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { audio_url: SILENT_WAV, image_url: RED_CIRCLE_PNG },
  // Billed per second of output: its length follows the audio, which the estimate does not read.
  estimateCost: () => unknownCost(`billed per second of output, whose length follows the audio sent; the price is unknown: ${price.reason}`),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { audio_url: 'audio', image_url: 'image' },
});
