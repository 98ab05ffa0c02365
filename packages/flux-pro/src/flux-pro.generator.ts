import { z } from 'zod';
import { defineReplicateGenerator } from '@boards/provider-replicate';
import { estimateFromPrice } from '@boards/cost';

const ASPECT_RATIOS = ['custom', '1:1', '16:9', '3:2', '2:3', '4:5', '5:4', '9:16', '3:4', '4:3'] as const;
const side = z.number().int().min(256).max(1440).multipleOf(32);

/** Inputs of black-forest-labs/flux-pro on Replicate (the fields this package supports). */
export const fluxProInput = z
  .strictObject({
    prompt: z.string().min(1).max(10_000).describe('Text describing the image'),
    aspect_ratio: z.enum(ASPECT_RATIOS).default('1:1').describe('Aspect ratio; "custom" uses width and height'),
    width: side.optional().describe('Width in pixels (multiple of 32, 256-1440), only with aspect_ratio "custom"'),
    height: side.optional().describe('Height in pixels (multiple of 32, 256-1440), only with aspect_ratio "custom"'),
    steps: z.number().int().min(1).max(50).optional().describe('Diffusion steps (default 25)'),
    guidance: z.number().min(2).max(5).optional().describe('Prompt adherence (default 3)'),
    safety_tolerance: z.number().int().min(1).max(6).optional().describe('1 strictest to 6 most permissive (default 2)'),
    seed: z.number().int().min(0).optional().describe('Seed for reproducible output'),
    output_format: z.enum(['webp', 'jpg', 'png']).default('png').describe('Image format'),
    prompt_upsampling: z.boolean().optional().describe('Let the model expand the prompt'),
  })
  .superRefine((input, ctx) => {
    const custom = input.aspect_ratio === 'custom';
    for (const field of ['width', 'height'] as const) {
      if (custom && input[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required when aspect_ratio is "custom"` });
      if (!custom && input[field] !== undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} is only used when aspect_ratio is "custom"` });
    }
  });

const price = { usd: '0.055', unit: 'image', checkedOn: '2026-11-22', source: 'https://replicate.com/black-forest-labs/flux-pro' } as const;

export const fluxPro = defineReplicateGenerator({
  id: 'flux-pro',
  title: 'FLUX.1 [pro]',
  description: 'Text to image with Black Forest Labs FLUX.1 [pro] on Replicate',
  model: 'black-forest-labs/flux-pro',
  artifactType: 'image',
  inputSchema: fluxProInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', aspect_ratio: '1:1', output_format: 'png' },
  // flux-pro returns one image per prediction and bills per output image.
  estimateCost: () => estimateFromPrice(price, 1),
});
