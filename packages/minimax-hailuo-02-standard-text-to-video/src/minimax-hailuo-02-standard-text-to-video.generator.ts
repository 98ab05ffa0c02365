import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, seconds, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/minimax/hailuo-02/standard/text-to-video on fal (the fields this package supports). */
export const minimaxHailuo02StandardTextToVideoInput = z.strictObject({
  prompt: z.string().min(1).describe('Prompt'),
  duration: z.enum(['6', '10']).default('6').describe('The duration of the video in seconds. 10 seconds videos are not supported for 1080p resolution.'),
  prompt_optimizer: z.boolean().default(true).describe("Whether to use the model's prompt optimizer"),
});

const price = unknownPrice({
  reason:
    "fal's own pages at hand state none for this endpoint (its image-to-video sibling's rate is not this endpoint's), and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/minimax/hailuo-02/standard/text-to-video',
  unit: 'second',
});

export const minimaxHailuo02StandardTextToVideo = defineFalGenerator({
  id: 'minimax-hailuo-02-standard-text-to-video',
  title: 'MiniMax Hailuo 02 Standard Text to Video',
  description: "Text to video at 768p with MiniMax's Hailuo 02 Standard on fal",
  model: 'fal-ai/minimax/hailuo-02/standard/text-to-video',
  family: 'minimax/hailuo-02-standard',
  artifactType: 'video',
  inputSchema: minimaxHailuo02StandardTextToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', duration: '6' },
  // Billed per second of output video.
  estimateCost: (input) => estimateFromPrice(price, seconds(input.duration)),
});
