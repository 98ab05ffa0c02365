import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import type { CostEstimate } from '@boards/core';
import { estimateFromPrice } from '@boards/cost';

/** Inputs of fal-ai/gpt-image-1-mini on fal as they were; kept so configurations naming it get a clear answer. */
export const gptImage1MiniInput = z.strictObject({
  prompt: z.string().min(1).describe('The prompt for image generation'),
  background: z.enum(['auto', 'transparent', 'opaque']).default('auto').describe('Background for the generated image'),
  image_size: z.enum(['1024x1024', '1536x1024', '1024x1536']).default('1024x1024').describe('Aspect ratio for the generated image'),
  num_images: z.number().int().min(1).max(4).default(1).describe('Number of images to generate'),
  output_format: z.enum(['jpeg', 'png', 'webp']).default('png').describe('Output format for the images'),
  quality: z.enum(['low', 'medium', 'high']).default('high').describe('Quality for the generated image'),
});

/** fal's last published prices, USD per output image by quality: 1024x1024, or any other size. */
const PER_IMAGE = { low: ['0.005', '0.006'], medium: ['0.011', '0.015'], high: ['0.036', '0.052'] } as const;
const price = {
  usd: '0.005',
  unit: 'image',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/gpt-image-1-mini/llms.txt',
  note: 'historical; low quality 1024x1024, up to $0.052 at high quality, plus $0.002 per 1k input text tokens; each request rounded up to the cent',
} as const;

/** fal rounds each request's total up to the next cent. */
const toCent = (estimate: CostEstimate): CostEstimate =>
  estimate.known ? { ...estimate, micros: Math.ceil(estimate.micros / 10_000) * 10_000, basis: `${estimate.basis}, rounded up to the cent` } : estimate;

export const gptImage1Mini = defineFalGenerator({
  id: 'gpt-image-1-mini',
  title: 'GPT Image 1 Mini',
  description: "Text to image with OpenAI's gpt-image-1-mini on fal, shut down on 2026-12-01 (successor: gpt-image-2)",
  model: 'fal-ai/gpt-image-1-mini',
  family: 'openai/gpt-image-1-mini',
  artifactType: 'image',
  inputSchema: gptImage1MiniInput,
  price,
  lifecycle: {
    status: 'retired',
    retiredOn: '2026-12-01',
    successor: 'gpt-image-2',
    note: 'OpenAI shut gpt-image-1.5 and gpt-image-1-mini down on 2026-12-01',
  },
  cheapestInput: { prompt: 'a red circle on a white background', image_size: '1024x1024', num_images: 1, quality: 'low' },
  // Billed per output image by quality and size; the text tokens are not counted.
  estimateCost: (input) => toCent(estimateFromPrice({ ...price, usd: PER_IMAGE[input.quality][input.image_size === '1024x1024' ? 0 : 1] }, input.num_images)),
});
