import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/bria/background/remove on fal (the fields this package supports). */
export const briaBackgroundRemoveInput = z.strictObject({
  image_url: z
    .string()
    .min(1)
    .describe("Input Image to erase from (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)"),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state no price for this endpoint, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/bria/background/remove',
  unit: 'image',
});

export const briaBackgroundRemove = defineFalGenerator({
  id: 'bria-background-remove',
  title: 'Bria RMBG 2.0 Background Removal',
  description: "Background removal with Bria's RMBG 2.0 on fal",
  model: 'fal-ai/bria/background/remove',
  family: 'bria/rmbg-2.0',
  artifactType: 'image',
  inputSchema: briaBackgroundRemoveInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_url: RED_CIRCLE_PNG },
  // Billed per output image: the endpoint answers one.
  estimateCost: () => estimateFromPrice(price, 1),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_url: 'image' },
});
