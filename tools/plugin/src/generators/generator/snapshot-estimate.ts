/**
 * What the estimate of a package built from a snapshot counts, in the unit of its price: output
 * images (the count field), megapixels of the `image_size` preset, seconds of `duration` (a number,
 * or an enum of strings such as '5' or '8s'), or characters of the spoken text. The quantity is
 * written even when the price is unknown, so that verifying the price later changes one line.
 */
import { seconds } from '@boards/cost';
import { q } from './draft';
import type { PublishedField } from './from-snapshot';
import type { NormalizedOptions } from './normalize';

export interface SnapshotEstimate {
  /** The quantity, a TypeScript expression of `input` ('1': one price per call). */
  expression: string;
  /** The comment above `estimateCost`. */
  why: string;
  /** When the input does not say the quantity: the condition on `input` and the reason of the unknown estimate. */
  unknownWhen?: { condition: string; reason: string };
  /** Entries the unit test's input adds so that it can be priced (a size, a duration). */
  testExtras: string[];
  /** The estimate reads the provider's megapixel presets (its `megapixel-imports` starter fragment). */
  megapixelPresets: boolean;
  /** Units the cheapest input and the unit test's input buy; undefined when the estimate of that input is unknown. */
  cheapest: number | undefined;
  test: number | undefined;
}

export interface PricedFields {
  kept: PublishedField[];
  /** Required fields without a default: the cheapest and the test inputs carry them. */
  required: PublishedField[];
  /** The image count field, when the model has one. */
  count?: string;
  /** The value the cheapest input (or, `second`, the unit test) gives a required field. */
  valueOf(field: PublishedField, second: boolean): unknown;
  /** The cheapest value of a priced field (the shortest duration), when it has one. */
  cheapestOf(field: PublishedField): unknown;
}

const isEnum = (f: PublishedField) =>
  Array.isArray(f.schema.enum) || (Array.isArray(f.schema.anyOf) && (f.schema.anyOf as Array<Record<string, unknown>>).some((x) => Array.isArray(x.enum)));

/** `duration` seconds of a value from the document: a number, or '5' / '8s'. */
const secondsOf = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? seconds(value) : NaN);

/** The estimate's quantity for the price unit the scaffold was given (`o.unit`). */
export function snapshotEstimate(o: NormalizedOptions, fields: PricedFields): SnapshotEstimate {
  const { kept, required, count } = fields;
  const many = count ? 2 : 1;
  const plain = { testExtras: [], megapixelPresets: false };
  const perImage = count ? { expression: `input.${count}`, why: 'Billed per output image.', cheapest: 1, test: many } : undefined;
  const perCall = { ...plain, expression: '1', why: 'One price per call.', cheapest: 1, test: 1 };
  if (o.unit === 'megapixel') {
    const size = kept.find((f) => f.name === 'image_size' && isEnum(f));
    if (!size) return perImage ? { ...plain, ...perImage } : perCall;
    // A size without a default follows the input image: no estimate until one is asked for.
    const unsized = size.schema.default === undefined;
    return {
      expression: [count && `input.${count}`, 'billedMegapixels(input.image_size)'].filter(Boolean).join(' * '),
      why: `Billed per megapixel of every output image, each rounded up${unsized ? "; without image_size the output takes the input image's size" : ''}.`,
      ...(unsized
        ? {
            unknownWhen: {
              condition: 'input.image_size === undefined',
              reason: 'the output takes the size of the input image: pass image_size for an estimate',
            },
          }
        : {}),
      testExtras: unsized ? [`image_size: 'landscape_4_3'`] : [],
      megapixelPresets: true,
      // The cheapest input asks for the smallest preset (one megapixel, rounded up), the test for 1024x768 (one).
      cheapest: 1,
      test: many,
    };
  }
  if (o.unit === 'image') return perImage ? { ...plain, ...perImage } : perCall;
  if (o.unit === '1k-characters') {
    // Speech billed per 1,000 characters of the text actually sent (a document names it `text` or `prompt`).
    const text = required.find((f) => /^(text|prompt)$/.test(f.name) && f.schema.type === 'string');
    if (!text) return perCall;
    const thousands = (value: unknown) => String(value).length / 1000;
    return {
      ...plain,
      expression: `input.${text.name}.length / 1000`,
      why: 'Billed per 1,000 characters of the text sent.',
      cheapest: thousands(fields.valueOf(text, false)),
      test: thousands(fields.valueOf(text, true)),
    };
  }
  if (o.unit === 'second')
    return perSecond(
      kept.find((f) => f.name === 'duration'),
      fields,
    );
  return perCall;
}

/** Billed per second of output: the `duration` sent, a number or a string such as '8s'. */
function perSecond(duration: PublishedField | undefined, fields: PricedFields): SnapshotEstimate {
  const plain = { testExtras: [], megapixelPresets: false };
  if (!duration) {
    const reason = 'billed per second of output, and the output length is not an input of this model';
    return { ...plain, expression: '1', why: 'Billed per second of output.', unknownWhen: { condition: 'true', reason }, cheapest: undefined, test: undefined };
  }
  const numeric = duration.schema.type === 'integer' || duration.schema.type === 'number';
  const expression = numeric ? 'input.duration' : 'seconds(input.duration)';
  const cheapest = fields.cheapestOf(duration) ?? (fields.required.includes(duration) ? fields.valueOf(duration, false) : undefined);
  const fallback = duration.schema.default;
  if (fields.required.includes(duration)) {
    return { ...plain, expression, why: 'Billed per second of output video.', cheapest: secondsOf(cheapest), test: secondsOf(fields.valueOf(duration, true)) };
  }
  if (fallback !== undefined) {
    return { ...plain, expression, why: 'Billed per second of output video.', cheapest: secondsOf(cheapest ?? fallback), test: secondsOf(fallback) };
  }
  // Optional without a default: the provider picks the length, so only an input that names it is priced.
  return {
    ...plain,
    expression,
    why: 'Billed per second of output video; without duration the provider picks the length.',
    unknownWhen: { condition: 'input.duration === undefined', reason: 'the provider picks the video length: pass duration for an estimate' },
    testExtras: cheapest === undefined ? [] : [`duration: ${typeof cheapest === 'string' ? q(cheapest) : String(cheapest)}`],
    cheapest: cheapest === undefined ? undefined : secondsOf(cheapest),
    test: cheapest === undefined ? undefined : secondsOf(cheapest),
  };
}
