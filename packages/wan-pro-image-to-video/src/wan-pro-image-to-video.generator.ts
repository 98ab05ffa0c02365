import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/wan-pro/image-to-video on fal (the fields this package supports). */
export const wanProImageToVideoInput = z.strictObject({
  image_url: z
    .string()
    .min(1)
    .describe(
      "The URL of the image to generate the video from (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('The prompt to generate the video'),
  enable_safety_checker: z.boolean().default(true).describe('Whether to enable the safety checker'),
  seed: z.number().int().optional().describe('Random seed for reproducibility. If None, a random seed is chosen.'),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state no rate for this endpoint, nor the unit it bills in, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/wan-pro/image-to-video',
});

export const wanProImageToVideo = defineFalGenerator({
  id: 'wan-pro-image-to-video',
  title: 'Wan Pro Image to Video',
  description: "Video from a first frame with Alibaba's Wan Pro on fal (no length or size to choose)",
  model: 'fal-ai/wan-pro/image-to-video',
  family: 'alibaba/wan-pro',
  artifactType: 'video',
  inputSchema: wanProImageToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background' },
  // One video a call, of a length and size the model picks: the estimate is the price's, unknown with its reason.
  estimateCost: () => estimateFromPrice(price, 1),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_url: 'image' },
});
