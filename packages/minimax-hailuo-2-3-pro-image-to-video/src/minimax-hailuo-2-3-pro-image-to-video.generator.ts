import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/minimax/hailuo-2.3/pro/image-to-video on fal (the fields this package supports). */
export const minimaxHailuo23ProImageToVideoInput = z.strictObject({
  image_url: z
    .string()
    .min(1)
    .describe(
      "URL of the image to use as the first frame (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('Text prompt for video generation'),
  prompt_optimizer: z.boolean().default(true).describe("Whether to use the model's prompt optimizer"),
});

const price = {
  usd: '0.49',
  unit: 'request',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/minimax/hailuo-2.3/pro/image-to-video',
} as const;

export const minimaxHailuo23ProImageToVideo = defineFalGenerator({
  id: 'minimax-hailuo-2-3-pro-image-to-video',
  title: 'MiniMax Hailuo 2.3 Pro Image to Video',
  description: "1080p video from a first frame with MiniMax's Hailuo 2.3 Pro on fal",
  model: 'fal-ai/minimax/hailuo-2.3/pro/image-to-video',
  family: 'minimax/hailuo-2.3-pro',
  artifactType: 'video',
  inputSchema: minimaxHailuo23ProImageToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background' },
  // One price per call, whatever the input.
  estimateCost: () => estimateFromPrice(price, 1),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_url: 'image' },
});
