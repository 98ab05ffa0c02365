import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_MP4, SILENT_WAV } from '@boards/core';

export { RED_CIRCLE_MP4, SILENT_WAV };

/** Inputs of veed/lipsync on fal (the fields this package supports). */
export const veedLipsyncInput = z.strictObject({
  audio_url: z
    .string()
    .min(1)
    .describe("Audio Url (audio: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)"),
  video_url: z
    .string()
    .min(1)
    .describe("Video Url (video: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)"),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state no price for this endpoint, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/veed/lipsync',
});

export const veedLipsync = defineFalGenerator({
  id: 'veed-lipsync',
  title: 'VEED Lipsync',
  description: "A video's lips synced to an audio track with VEED Lipsync on fal",
  model: 'veed/lipsync',
  family: 'veed/veed-lipsync',
  artifactType: 'video',
  inputSchema: veedLipsyncInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { audio_url: SILENT_WAV, video_url: RED_CIRCLE_MP4 },
  // fal states neither the price nor the unit it bills this endpoint in: every estimate is unknown.
  estimateCost: () => estimateFromPrice(price, 1),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { audio_url: 'audio', video_url: 'video' },
});
