import { z } from 'zod';
import { estimateFromPrice, sumEstimates } from '@boards/cost';
import { defineOpenAIGenerator, generateOpenAIImages } from '@boards/provider-openai';

const SIZES = ['1024x1024', '1536x1024', '1024x1536'] as const;
const QUALITIES = ['low', 'medium', 'high'] as const;

/** Inputs of OpenAI's gpt-image-2 image generation (the fields this package supports; quality "auto" has no price before the call). */
export const gptImage2Input = z.strictObject({
  prompt: z.string().min(1).max(32_000).describe('Text describing the image'),
  n: z.number().int().min(1).max(10).default(1).describe('How many images (1-10); each is billed'),
  size: z.enum(SIZES).default('1024x1024').describe('Image size; with quality it sets the price'),
  quality: z.enum(QUALITIES).default('medium').describe('Rendering quality; with size it sets the price'),
  output_format: z.enum(['png', 'jpeg', 'webp']).default('png').describe('Image format'),
});

const checked = { checkedOn: '2026-11-22', source: 'https://platform.openai.com/docs/guides/image-generation' } as const;

/** USD per output image: OpenAI's published gpt-image-2 cost examples (image output tokens at $30 / 1M). */
const PER_IMAGE: Record<(typeof QUALITIES)[number], Record<(typeof SIZES)[number], string>> = {
  low: { '1024x1024': '0.006', '1536x1024': '0.005', '1024x1536': '0.005' },
  medium: { '1024x1024': '0.053', '1536x1024': '0.041', '1024x1536': '0.041' },
  high: { '1024x1024': '0.211', '1536x1024': '0.165', '1024x1536': '0.165' },
};
const price = { usd: '0.005', unit: 'image', ...checked, note: 'low quality; up to $0.211 by quality and size, plus prompt tokens' } as const;
const promptTokens = { usd: '0.005', unit: '1k-tokens', ...checked, note: '$5 per 1M text input tokens' } as const;

export const gptImage2 = defineOpenAIGenerator({
  id: 'gpt-image-2',
  title: 'GPT Image 2',
  description: "Text to image with OpenAI's gpt-image-2",
  model: 'gpt-image-2',
  artifactType: 'image',
  inputSchema: gptImage2Input,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', n: 1, size: '1536x1024', quality: 'low' },
  estimateCost: (input) =>
    sumEstimates([
      estimateFromPrice({ ...price, usd: PER_IMAGE[input.quality][input.size] }, input.n),
      // Text tokens are not known before the call: about four characters each.
      estimateFromPrice(promptTokens, Math.ceil(input.prompt.length / 4) / 1000),
    ]),
  async run(input, ctx) {
    return { artifacts: await generateOpenAIImages({ model: 'gpt-image-2', ...input }, ctx) };
  },
});
