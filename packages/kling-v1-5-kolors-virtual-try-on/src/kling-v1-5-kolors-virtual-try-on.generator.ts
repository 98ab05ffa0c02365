import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/kling/v1-5/kolors-virtual-try-on on fal (the fields this package supports). */
export const klingV15KolorsVirtualTryOnInput = z.strictObject({
  garment_image_url: z
    .string()
    .min(1)
    .describe("Url to the garment image. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)"),
  human_image_url: z
    .string()
    .min(1)
    .describe("Url for the human image. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)"),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state no price for this endpoint, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/kling/v1-5/kolors-virtual-try-on',
  unit: 'image',
});

export const klingV15KolorsVirtualTryOn = defineFalGenerator({
  id: 'kling-v1-5-kolors-virtual-try-on',
  title: 'Kolors Virtual Try-On v1.5',
  description: 'A person image dressed in a garment image, with Kling Kolors Virtual Try-On v1.5 on fal',
  model: 'fal-ai/kling/v1-5/kolors-virtual-try-on',
  family: 'kuaishou/kolors-virtual-try-on-v1.5',
  artifactType: 'image',
  inputSchema: klingV15KolorsVirtualTryOnInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { garment_image_url: RED_CIRCLE_PNG, human_image_url: RED_CIRCLE_PNG },
  // Billed per output image: the endpoint answers one.
  estimateCost: () => estimateFromPrice(price, 1),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { garment_image_url: 'image', human_image_url: 'image' },
});
