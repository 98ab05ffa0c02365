import { z } from 'zod';
import { estimateFromPrice } from '@boards/cost';
import { defineOpenAIGenerator, generateOpenAIImages } from '@boards/provider-openai';

/** Inputs of OpenAI's dall-e-3 as they were; kept so configurations naming it get a clear answer. */
export const dalle3Input = z.strictObject({
  prompt: z.string().min(1).max(4000).describe('Text describing the image'),
  size: z.enum(['1024x1024', '1792x1024', '1024x1792']).default('1024x1024').describe('Image size; the wide ones cost more'),
  quality: z.enum(['standard', 'hd']).default('standard').describe('hd costs more'),
  style: z.enum(['vivid', 'natural']).optional().describe('vivid (default) or natural'),
});

/** The last published prices, USD per image (dall-e-3 made one image per request). */
const PER_IMAGE = { standard: { square: '0.04', wide: '0.08' }, hd: { square: '0.08', wide: '0.12' } } as const;
const price = {
  usd: '0.04',
  unit: 'image',
  checkedOn: '2026-11-22',
  source: 'https://openai.com/api/pricing',
  note: 'historical; hd and wide sizes up to $0.12',
} as const;

export const dalle3 = defineOpenAIGenerator({
  id: 'dalle3',
  title: 'DALL-E 3',
  description: "Text to image with OpenAI's dall-e-3, retired on 2026-05-12 (successor: gpt-image-2)",
  model: 'dall-e-3',
  artifactType: 'image',
  inputSchema: dalle3Input,
  price,
  lifecycle: { status: 'retired', retiredOn: '2026-05-12', successor: 'gpt-image-2', note: 'OpenAI retired dall-e-2 and dall-e-3 on 2026-05-12' },
  cheapestInput: { prompt: 'a red circle on a white background', size: '1024x1024', quality: 'standard' },
  estimateCost: (input) => estimateFromPrice({ ...price, usd: PER_IMAGE[input.quality][input.size === '1024x1024' ? 'square' : 'wide'] }, 1),
  // Not reached while the model is retired: generate() throws ModelRetiredError first.
  async run(input, ctx) {
    return { artifacts: await generateOpenAIImages({ model: 'dall-e-3', ...input, n: 1 }, ctx) };
  },
});
