import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownCost } from '@boards/cost';
import { RED_CIRCLE_PNG, type CostEstimate } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/gpt-image-1/edit-image on fal as they were; kept so configurations naming it get a clear answer. */
export const gptImage1EditImageInput = z.strictObject({
  image_urls: z
    .array(z.string().min(1))
    .min(1)
    .describe(
      "The URLs of the images to use as a reference for the generation. (each image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('The prompt for image generation'),
  background: z.enum(['auto', 'transparent', 'opaque']).default('auto').describe('Background for the generated image'),
  image_size: z.enum(['auto', '1024x1024', '1536x1024', '1024x1536']).default('auto').describe('Aspect ratio for the generated image'),
  input_fidelity: z.enum(['low', 'high']).default('high').describe('Input fidelity for the generated image'),
  num_images: z.number().int().min(1).max(4).default(1).describe('Number of images to generate'),
  output_format: z.enum(['jpeg', 'png', 'webp']).default('png').describe('Output format for the images'),
  quality: z.enum(['auto', 'low', 'medium', 'high']).default('auto').describe('Quality for the generated image'),
});

/** fal's last published prices, USD per output image by quality: 1024x1024, or any other size. */
const PER_IMAGE = { low: ['0.011', '0.016'], medium: ['0.042', '0.063'], high: ['0.167', '0.25'] } as const;
const price = {
  usd: '0.011',
  unit: 'image',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/gpt-image-1/edit-image/llms.txt',
  note: 'historical; low quality 1024x1024, up to $0.25 at high quality, plus $0.002 per 1k input text tokens and $0.005 per 1k input image tokens; each request rounded up to the cent',
} as const;

/** fal rounds each request's total up to the next cent. */
const toCent = (estimate: CostEstimate): CostEstimate =>
  estimate.known ? { ...estimate, micros: Math.ceil(estimate.micros / 10_000) * 10_000, basis: `${estimate.basis}, rounded up to the cent` } : estimate;

export const gptImage1EditImage = defineFalGenerator({
  id: 'gpt-image-1-edit-image',
  title: 'GPT Image 1 Edit',
  description: "Image editing with OpenAI's gpt-image-1 on fal, shut down on 2026-10-23 (successor: gpt-image-2)",
  model: 'fal-ai/gpt-image-1/edit-image',
  family: 'openai/gpt-image-1-edit',
  artifactType: 'image',
  inputSchema: gptImage1EditImageInput,
  price,
  lifecycle: { status: 'retired', retiredOn: '2026-10-23', successor: 'gpt-image-2', note: 'OpenAI shut gpt-image-1 down on 2026-10-23' },
  cheapestInput: {
    image_urls: [RED_CIRCLE_PNG],
    prompt: 'a red circle on a white background',
    image_size: '1024x1024',
    input_fidelity: 'low',
    num_images: 1,
    quality: 'low',
  },
  // Billed per output image by quality and size; the text and input image tokens are not counted.
  estimateCost: (input) =>
    input.quality === 'auto' || input.image_size === 'auto'
      ? unknownCost('with quality or image_size auto the price per image is picked by the provider: pass both for an estimate')
      : toCent(estimateFromPrice({ ...price, usd: PER_IMAGE[input.quality][input.image_size === '1024x1024' ? 0 : 1] }, input.num_images)),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_urls: 'image' },
});
