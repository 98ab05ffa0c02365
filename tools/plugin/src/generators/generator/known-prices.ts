import type { Price } from '@boards/core';

/**
 * Published prices the generator may fill in when `--price` is not given, keyed by
 * `<provider>:<model>`. Only models whose price the scaffolded starter estimates exactly
 * belong here (the starter must send every input the price depends on): a per-image model
 * with the starter's count field, fal's per-megapixel image_size presets, text-to-speech
 * per character, transcription per minute. Anything else needs `--price`.
 */
export const KNOWN_PRICES: Readonly<Record<string, Price>> = {
  'replicate:black-forest-labs/flux-schnell': {
    usd: '0.003',
    unit: 'image',
    checkedOn: '2026-11-22',
    source: 'https://replicate.com/black-forest-labs/flux-schnell',
  },
  'replicate:black-forest-labs/flux-dev': {
    usd: '0.025',
    unit: 'image',
    checkedOn: '2026-11-22',
    source: 'https://replicate.com/black-forest-labs/flux-dev',
  },
  'fal:fal-ai/flux/dev': {
    usd: '0.025',
    unit: 'megapixel',
    checkedOn: '2026-11-22',
    source: 'https://fal.ai/models/fal-ai/flux/dev',
    note: 'each image is billed rounded up to whole megapixels',
  },
  'fal:fal-ai/nano-banana': { usd: '0.039', unit: 'image', checkedOn: '2026-11-22', source: 'https://fal.ai/models/fal-ai/nano-banana' },
  'fal:fal-ai/elevenlabs/tts/turbo-v2.5': {
    usd: '0.05',
    unit: '1k-characters',
    checkedOn: '2026-11-22',
    source: 'https://fal.ai/models/fal-ai/elevenlabs/tts/turbo-v2.5',
  },
  'fal:fal-ai/elevenlabs/tts/multilingual-v2': {
    usd: '0.10',
    unit: '1k-characters',
    checkedOn: '2026-11-22',
    source: 'https://fal.ai/models/fal-ai/elevenlabs/tts/multilingual-v2',
  },
  'openai:whisper-1': { usd: '0.006', unit: 'minute', checkedOn: '2026-11-22', source: 'https://openai.com/api/pricing' },
};

export function knownPrice(provider: string, model: string): Price | undefined {
  return KNOWN_PRICES[`${provider}:${model}`];
}
