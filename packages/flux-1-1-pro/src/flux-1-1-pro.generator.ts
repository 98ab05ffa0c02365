import { z } from 'zod';
import { defineReplicateGenerator } from '@boards/provider-replicate';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

const ASPECT_RATIOS = ['custom', '1:1', '16:9', '3:2', '2:3', '4:5', '5:4', '9:16', '3:4', '4:3'] as const;
const side = z.number().int().min(256).max(1440).multipleOf(32);

/** Inputs of black-forest-labs/flux-1.1-pro on Replicate (the fields this package supports). */
export const flux11ProInput = z
  .strictObject({
    prompt: z.string().min(1).describe('Text describing the image'),
    aspect_ratio: z.enum(ASPECT_RATIOS).default('1:1').describe('Aspect ratio; "custom" uses width and height'),
    width: side.optional().describe('Width in pixels (multiple of 32, 256-1440), only with aspect_ratio "custom"'),
    height: side.optional().describe('Height in pixels (multiple of 32, 256-1440), only with aspect_ratio "custom"'),
    safety_tolerance: z.number().int().min(1).max(6).optional().describe('1 strictest to 6 most permissive (default 2)'),
    seed: z.number().int().optional().describe('Seed for reproducible output'),
    prompt_upsampling: z.boolean().optional().describe('Let the model expand the prompt (default false)'),
    output_format: z.enum(['webp', 'jpg', 'png']).default('png').describe('Image format'),
    output_quality: z.number().int().min(0).max(100).optional().describe('Quality of webp and jpg output, 0-100 (default 80)'),
    // Not supported by this package: image_prompt (a file input; the Replicate adapter uploads none).
  })
  .superRefine((input, ctx) => {
    const custom = input.aspect_ratio === 'custom';
    for (const field of ['width', 'height'] as const) {
      if (custom && input[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required when aspect_ratio is "custom"` });
      if (!custom && input[field] !== undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} is only used when aspect_ratio is "custom"` });
    }
  });

const price = unknownPrice({
  reason: "Replicate's own pages at hand state none for this model (its version API pages show no price), and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://replicate.com/black-forest-labs/flux-1.1-pro',
  unit: 'image',
});

export const flux11Pro = defineReplicateGenerator({
  id: 'flux-1-1-pro',
  title: 'FLUX1.1 [pro]',
  description: 'Text to image with Black Forest Labs FLUX1.1 [pro] on Replicate',
  model: 'black-forest-labs/flux-1.1-pro',
  family: 'black-forest-labs/flux-1.1-pro',
  artifactType: 'image',
  inputSchema: flux11ProInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', aspect_ratio: '1:1', output_format: 'png' },
  // One image per prediction, billed per output image (the rate itself is unknown).
  estimateCost: () => estimateFromPrice(price, 1),
});
