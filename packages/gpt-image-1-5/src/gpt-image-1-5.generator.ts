import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';

/** Inputs of fal-ai/gpt-image-1.5 on fal as they were; kept so configurations naming it get a clear answer. */
export const gptImage15Input = z.strictObject({
  prompt: z.string().min(1).describe('The prompt for image generation'),
  background: z.enum(['auto', 'transparent', 'opaque']).default('auto').describe('Background for the generated image'),
  image_size: z.enum(['1024x1024', '1536x1024', '1024x1536']).default('1024x1024').describe('Aspect ratio for the generated image'),
  num_images: z.number().int().min(1).max(4).default(1).describe('Number of images to generate'),
  output_format: z.enum(['jpeg', 'png', 'webp']).default('png').describe('Output format for the images'),
  quality: z.enum(['low', 'medium', 'high']).default('high').describe('Quality for the generated image'),
});

/** fal's last published prices, USD per output image by quality and size. */
const PER_IMAGE = {
  low: { '1024x1024': '0.009', '1536x1024': '0.013', '1024x1536': '0.013' },
  medium: { '1024x1024': '0.034', '1536x1024': '0.050', '1024x1536': '0.051' },
  high: { '1024x1024': '0.133', '1536x1024': '0.199', '1024x1536': '0.200' },
} as const;
const price = {
  usd: '0.009',
  unit: 'image',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/gpt-image-1.5/llms.txt',
  note: 'historical; low quality 1024x1024, up to $0.20 at high quality, plus $0.005 per 1k input and $0.010 per 1k output text tokens',
} as const;

export const gptImage15 = defineFalGenerator({
  id: 'gpt-image-1-5',
  title: 'GPT Image 1.5',
  description: "Text to image with OpenAI's gpt-image-1.5 on fal, shut down on 2026-12-01 (successor: gpt-image-2)",
  model: 'fal-ai/gpt-image-1.5',
  family: 'openai/gpt-image-1.5',
  artifactType: 'image',
  inputSchema: gptImage15Input,
  price,
  lifecycle: {
    status: 'retired',
    retiredOn: '2026-12-01',
    successor: 'gpt-image-2',
    note: 'OpenAI shut gpt-image-1.5 and gpt-image-1-mini down on 2026-12-01',
  },
  cheapestInput: { prompt: 'a red circle on a white background', image_size: '1024x1024', num_images: 1, quality: 'low' },
  // Billed per output image by quality and size; the text tokens are not counted.
  estimateCost: (input) => estimateFromPrice({ ...price, usd: PER_IMAGE[input.quality][input.image_size] }, input.num_images),
});
