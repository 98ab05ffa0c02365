/**
 * Models of the catalogue this project follows (weirdfingers/boards, see the README) that have no
 * generator package here, each with the reason and the date it was established. The README's
 * catalogue lists them under the generators; a model leaves this list when its package lands.
 */
export interface LeftOutModel {
  provider: string;
  model: string;
  /** Why there is no package, e.g. the provider shut the model down (with the date). */
  reason: string;
  /** YYYY-MM-DD: when the reason was established (a shutdown date, or the date it was checked). */
  since: string;
}

const OPENAI_RETIRED_1 = 'OpenAI shut gpt-image-1 down on 2026-10-23 (successor: gpt-image-2)';
const OPENAI_RETIRED_15 = 'OpenAI shut gpt-image-1.5 and gpt-image-1-mini down on 2026-12-01 (successor: gpt-image-2)';
const NO_DOCUMENT =
  'no published document at hand: the fal client 1.10.1 types do not list it and no stored copy exists; seed its snapshot online with boards drift --update';
const NO_PRICE = 'pending: no price verified on fal.ai yet, and a generator is never priced by guess';

const fal = (model: string, reason: string, since: string): LeftOutModel => ({ provider: 'fal', model, reason, since });

export const LEFT_OUT: readonly LeftOutModel[] = [
  fal('fal-ai/gpt-image-1.5', OPENAI_RETIRED_15, '2026-12-01'),
  fal('fal-ai/gpt-image-1.5/edit', OPENAI_RETIRED_15, '2026-12-01'),
  fal('fal-ai/gpt-image-1-mini', OPENAI_RETIRED_15, '2026-12-01'),
  fal('fal-ai/gpt-image-1/edit-image', OPENAI_RETIRED_1, '2026-10-23'),
  fal('fal-ai/reve/text-to-image', NO_DOCUMENT, '2026-12-07'),
  fal('fal-ai/reve/edit', NO_DOCUMENT, '2026-12-07'),
  fal('fal-ai/crystal-upscaler', NO_DOCUMENT, '2026-12-07'),
  ...[
    'fal-ai/nano-banana-2',
    'fal-ai/nano-banana-pro',
    'fal-ai/nano-banana-pro/edit',
    'fal-ai/flux-2',
    'fal-ai/flux-2/edit',
    'fal-ai/flux-2-flex',
    'fal-ai/flux-2-pro',
    'fal-ai/flux-2-pro/edit',
    'fal-ai/gemini-25-flash-image',
    'fal-ai/gemini-25-flash-image/edit',
    'fal-ai/imagen4/preview',
    'fal-ai/imagen4/preview/fast',
    'fal-ai/ideogram/v2',
    'fal-ai/ideogram/character',
    'fal-ai/ideogram/character/edit',
    'fal-ai/qwen-image',
    'fal-ai/qwen-image-edit',
    'fal-ai/qwen-image-2/pro/edit',
    'fal-ai/bytedance/seedream/v4.5/edit',
    'fal-ai/bytedance/seedream/v5/lite/edit',
    'fal-ai/bria/background/remove',
    'fal-ai/clarity-upscaler',
    'fal-ai/kling/v1-5/kolors-virtual-try-on',
  ].map((model) => fal(model, NO_PRICE, '2026-12-07')),
];

/** The README's list of models left out, as markdown lines (none when the list is empty). */
export function renderLeftOut(models: readonly LeftOutModel[], packagedModels: ReadonlySet<string>): string[] {
  const left = models.filter((m) => !packagedModels.has(`${m.provider} ${m.model}`));
  if (left.length === 0) return [];
  return [
    '',
    `Models of the catalogue this project follows that have no generator here (${left.length}), with the reason:`,
    '',
    '| provider | model | reason | since |',
    '|---|---|---|---|',
    ...left.map((m) => `| ${m.provider} | \`${m.model}\` | ${m.reason.replace(/\|/g, '\\|')} | ${m.since} |`),
  ];
}
