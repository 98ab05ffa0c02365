import { z } from 'zod';
import { defineKieGenerator, kieCreditPrice } from '@boards/provider-kie';
import { estimateFromPrice } from '@boards/cost';

/** Inputs of seedream/4.5-text-to-image on Kie (docs.kie.ai/market/seedream/4-5-text-to-image). Kie requires all three of prompt, aspect_ratio and quality: they are always sent. */
export const kieSeedream45Input = z.strictObject({
  prompt: z.string().min(1).max(3000).describe('Text describing the image'),
  aspect_ratio: z.enum(['1:1', '4:3', '3:4', '16:9', '9:16', '2:3', '3:2', '21:9']).default('1:1').describe('Aspect ratio'),
  quality: z.enum(['basic', 'high']).default('basic').describe('basic renders 2K (5 credits), high 4K (8 credits)'),
  nsfw_checker: z.boolean().optional().describe("Kie's content filter (default off)"),
});

// Kie's pricing page is not readable here: the credits are the kie.ai/pricing table as monet88/artio copied it (2026-01-30).
const source = 'https://kie.ai/pricing';
const price = kieCreditPrice({ credits: 5, unit: 'image', checkedOn: '2026-12-01', source, note: 'basic (2K); high (4K) is 8 credits' });
const high = kieCreditPrice({ credits: 8, unit: 'image', checkedOn: '2026-12-01', source });

export const kieSeedream45 = defineKieGenerator({
  id: 'kie-seedream-4-5',
  title: 'Seedream 4.5 (Kie)',
  description: "Text to image with ByteDance's Seedream 4.5 on Kie.ai",
  model: 'seedream/4.5-text-to-image',
  family: 'bytedance/seedream-4.5',
  artifactType: 'image',
  inputSchema: kieSeedream45Input,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background' },
  // One image per task, priced by quality.
  estimateCost: (input) => estimateFromPrice(input.quality === 'high' ? high : price, 1),
});
