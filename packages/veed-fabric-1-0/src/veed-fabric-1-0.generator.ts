import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG, SILENT_WAV } from '@boards/core';

export { RED_CIRCLE_PNG, SILENT_WAV };

/** Inputs of veed/fabric-1.0 on fal (the fields this package supports). */
export const veedFabric10Input = z.strictObject({
  audio_url: z
    .string()
    .min(1)
    .describe("Audio Url (audio: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)"),
  image_url: z
    .string()
    .min(1)
    .describe("Image Url (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)"),
  resolution: z.enum(['720p', '480p']).describe('Resolution'),
});

const price = unknownPrice({
  reason:
    "fal's own pages at hand state no price for this endpoint (the stored llms.txt of veed/fabric-1.0/text prices that other endpoint), and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/veed/fabric-1.0',
});

export const veedFabric10 = defineFalGenerator({
  id: 'veed-fabric-1-0',
  title: 'VEED Fabric 1.0',
  description: 'A talking video from one image and an audio track with VEED Fabric 1.0 on fal',
  model: 'veed/fabric-1.0',
  family: 'veed/fabric-1.0',
  artifactType: 'video',
  inputSchema: veedFabric10Input,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { audio_url: SILENT_WAV, image_url: RED_CIRCLE_PNG, resolution: '480p' },
  // fal states neither the price nor the unit it bills this endpoint in: every estimate is unknown.
  estimateCost: () => estimateFromPrice(price, 1),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { audio_url: 'audio', image_url: 'image' },
});
