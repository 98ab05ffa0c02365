import { z } from 'zod';
import { defineReplicateGenerator } from '@boards/provider-replicate';
import { estimateFromPrice } from '@boards/cost';

const ASPECT_RATIOS = ['1:1', '16:9', '21:9', '3:2', '2:3', '4:5', '5:4', '3:4', '4:3', '9:16', '9:21'] as const;

/** Inputs of black-forest-labs/flux-schnell on Replicate (the fields this package supports). */
export const fluxSchnellInput = z.strictObject({
  prompt: z.string().min(1).max(10_000).describe('Text describing the image'),
  num_outputs: z.number().int().min(1).max(4).default(1).describe('How many images (1-4); each is billed'),
  aspect_ratio: z.enum(ASPECT_RATIOS).default('1:1').describe('Aspect ratio'),
  megapixels: z.enum(['1', '0.25']).optional().describe('Approximate output size in megapixels (default "1"); the price is the same'),
  num_inference_steps: z.number().int().min(1).max(4).optional().describe('Denoising steps (default 4)'),
  seed: z.number().int().min(0).optional().describe('Seed for reproducible output'),
  output_format: z.enum(['webp', 'jpg', 'png']).default('png').describe('Image format'),
  output_quality: z.number().int().min(0).max(100).optional().describe('Quality of jpg/webp output, 0-100 (default 80)'),
  go_fast: z.boolean().optional().describe('Use the fp8-quantized fast path (default true)'),
  disable_safety_checker: z.boolean().optional().describe('Skip the safety checker'),
});

const price = { usd: '0.003', unit: 'image', checkedOn: '2026-11-22', source: 'https://replicate.com/black-forest-labs/flux-schnell' } as const;

export const fluxSchnell = defineReplicateGenerator({
  id: 'flux-schnell',
  title: 'FLUX.1 [schnell]',
  description: 'Fast text to image with Black Forest Labs FLUX.1 [schnell] on Replicate: the cheapest image generator',
  model: 'black-forest-labs/flux-schnell',
  artifactType: 'image',
  inputSchema: fluxSchnellInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', num_outputs: 1, aspect_ratio: '1:1', megapixels: '0.25' },
  // Replicate bills this official model per output image, whatever its size or steps.
  estimateCost: (input) => estimateFromPrice(price, input.num_outputs),
});
