import { providerInputSchema } from '@boards/emulator';
import type { NormalizedOptions } from './normalize';

/**
 * The code a scaffolded package starts from, per artifact, provider and price unit: an input
 * schema that carries every field the price depends on, an estimate computed from it, the
 * mapping (when the adapter needs one) and the tests' cases. Values are TypeScript source.
 */
export interface Starter {
  /** The adapter's define function: defineFalGenerator, ... */
  define: string;
  imports: string[];
  /** Code between the imports and the input schema ('' for none). */
  preamble: string;
  fields: string[];
  cheapestInput: string;
  /** Units of the price the cheapest input buys (for the README's live-test cost); undefined when its estimate is unknown. */
  cheapestQuantity: number | undefined;
  estimate: string;
  /** Spec members after estimateCost ('' when the adapter's defaults do the mapping). */
  run: string;
  inputsDoc: string;
  cheapestDoc: string;
  invalidInputs: string[];
  /** The sample media constants of @boards/core the cheapest input sends (RED_CIRCLE_PNG, ...), re-exported for the tests. */
  samples?: string[];
  /** The unit test's case; `quantity` undefined when its estimate is unknown whatever the price, for `unknownReason`. */
  test: {
    imports: string[];
    setup: string;
    title: string;
    input: string;
    quantity: number | undefined;
    unknownReason?: string;
    requestAssertions: string;
    artifactAssertions: string;
  };
  liveTitle: string;
}

/** A starter before the adapter's define function and imports are added. */
export type Draft = Omit<Starter, 'define'>;

/** A single-quoted TypeScript string literal. */
export const q = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The `estimateCost` member: `quantity` price units (a TypeScript expression, of `input` or not). */
export function estimateFor(o: NormalizedOptions, quantity: string, why: string): string {
  if (o.unit === 'request') return '  // One price per call, whatever the input.\n  estimateCost: () => estimateFromPrice(price, 1),\n';
  const param = /\binput\b/.test(quantity) ? 'input' : '';
  return `  // ${why}\n  estimateCost: (${param}) => estimateFromPrice(price, ${quantity}),\n`;
}

/** A number as the repository writes it: 10_000, 3000. */
const tsNumber = (n: number) => (n >= 10_000 ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '_') : String(n));

/**
 * The lengths a text field allows: the model's where the emulator holds its published input schema
 * (the conformance suite checks the package against that schema), else 1 to `fallbackMax`; `zod`
 * is the field's `.min(a).max(b)`.
 */
export function textLength(o: NormalizedOptions, field: string, fallbackMax: number): { min: number; max: number; zod: string } {
  const rule = providerInputSchema(o.provider, o.model)?.[field];
  const min = Math.max(1, rule?.minLength ?? 1);
  const max = rule?.maxLength ?? fallbackMax;
  return { min, max, zod: `.min(${min}).max(${tsNumber(max)})` };
}
