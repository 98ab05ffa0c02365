import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/ideogram/v2 on fal (the fields this package supports). */
export const ideogramV2Input = z.strictObject({
  prompt: z.string().min(1).describe('Prompt'),
  aspect_ratio: z
    .enum(['10:16', '16:10', '9:16', '16:9', '4:3', '3:4', '1:1', '1:3', '3:1', '3:2', '2:3'])
    .default('1:1')
    .describe('The aspect ratio of the generated image'),
  expand_prompt: z.boolean().default(true).describe('Whether to expand the prompt with MagicPrompt functionality.'),
  negative_prompt: z.string().default('').describe('A negative prompt to avoid in the generated image'),
  seed: z.number().int().optional().describe('Seed for the random number generator'),
  style: z.enum(['auto', 'general', 'realistic', 'design', 'render_3D', 'anime']).default('auto').describe('The style of the generated image'),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state no price for this endpoint, and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/ideogram/v2',
  unit: 'image',
});

export const ideogramV2 = defineFalGenerator({
  id: 'ideogram-v2',
  title: 'Ideogram V2',
  description: "Text to image with Ideogram's V2 model on fal (strong at typography)",
  model: 'fal-ai/ideogram/v2',
  family: 'ideogram/ideogram-v2',
  artifactType: 'image',
  inputSchema: ideogramV2Input,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background' },
  // Billed per output image; the endpoint makes one per call.
  estimateCost: () => estimateFromPrice(price, 1),
});
