/**
 * Published prices the scaffolder fills in without --price, each read from the provider's own
 * page on the date given (fal model pages and their llms.txt say "Your request will cost ...").
 * Only prices read there belong here; a model without one needs --price (never a guess, never $0).
 */
import type { Price } from '@boards/core';

const fal = (model: string, usd: string, unit: Price['unit'], checkedOn: string, note?: string): [string, Price] => [
  model,
  { usd, unit, checkedOn, source: `https://fal.ai/models/${model}`, ...(note ? { note } : {}) },
];

export const VERIFIED_PRICES: Readonly<Record<string, Price>> = Object.fromEntries([
  // fal.ai/docs/model-api-reference/image-generation-api/flux-pro-v1.1-ultra: "At $0.06 per image".
  fal('fal-ai/flux-pro/v1.1-ultra', '0.06', 'image', '2026-12-07'),
  // fal.ai/models/fal-ai/flux-pro/kontext/llms.txt: "Price: $0.04 per images".
  fal('fal-ai/flux-pro/kontext', '0.04', 'image', '2026-12-07'),
  // fal.ai/models/fal-ai/bytedance/seedream/v4.5/text-to-image/playground: "Your request will cost $0.04 per image."
  fal('fal-ai/bytedance/seedream/v4.5/text-to-image', '0.04', 'image', '2026-12-07'),
]);
