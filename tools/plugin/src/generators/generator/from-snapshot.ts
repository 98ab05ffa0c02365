/**
 * A package's starter from its provider's published document alone (the snapshot): every input
 * field the document declares becomes a zod field with its type, enum, default, limits and
 * description; file inputs (`image_urls`, `image_url`, ...) are declared as uploads; the cheapest
 * input takes the smallest count, resolution and duration the schema allows; the unit test sends
 * a second input and checks the request the emulator logged. Fields the document gives a shape
 * the starter cannot express (nested objects, LoRA lists) are left out and listed in a comment.
 */
import { providerInputSchema } from '@boards/emulator';
import type { PublishedDocumentSource } from '@boards/core';
import { estimateFor, q, type Draft } from './draft';
import { requestAssertions, requiredFragment } from './fragments';
import type { NormalizedOptions } from './normalize';
import type { PublishedSnapshot as Snapshot } from './seeder';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/** A field of the published input schema, resolved through `$ref`s. */
export interface PublishedField {
  name: string;
  schema: Json;
  required: boolean;
}

function resolve(schema: Json, root: Json, depth = 0): Json {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || depth > 10) return schema;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((at, key) => obj(at)[key], root);
  const { $ref: _, ...rest } = schema;
  return resolve({ ...obj(target), ...rest }, root, depth + 1);
}

/** The input and output schemas of the snapshot's model, read by its provider's document reader (`schemas`). */
function schemasOf(snapshot: Snapshot, source: PublishedDocumentSource | undefined): { input: Json; output: Json } {
  if (!source) throw new Error(`${snapshot.provider}'s adapter describes no published document reader: pass --price and scaffold without a snapshot`);
  const [input, output] = source.schemas(snapshot.document, snapshot.model);
  return { input: resolve(obj(input?.schema), snapshot.document), output: resolve(obj(output?.schema), snapshot.document) };
}

/** The published input fields, in the document's order. */
export function publishedInputFields(snapshot: Snapshot, source: PublishedDocumentSource | undefined): PublishedField[] {
  const { input } = schemasOf(snapshot, source);
  const properties = obj(input.properties);
  const required = new Set(Array.isArray(input.required) ? (input.required as string[]) : []);
  const ordered = Object.values(input).find((v) => Array.isArray(v) && v.every((n) => typeof n === 'string' && n in properties));
  const order = Array.isArray(ordered) && ordered.length ? (ordered as string[]) : Object.keys(properties);
  return order.map((name) => ({ name, schema: resolve(obj(properties[name]), snapshot.document), required: required.has(name) }));
}

/** What the model returns (image, video or audio), read from its output schema's fields. */
export function publishedArtifact(snapshot: Snapshot, source: PublishedDocumentSource | undefined): 'image' | 'video' | 'audio' | undefined {
  const keys = Object.keys(obj(schemasOf(snapshot, source).output.properties));
  if (keys.some((k) => /^(images?|image_url)$/.test(k))) return 'image';
  if (keys.some((k) => /^video/.test(k))) return 'video';
  if (keys.some((k) => /^audio/.test(k))) return 'audio';
  return undefined;
}

/** Fields the adapter owns (sync_mode returns data URIs the adapter does not store). */
const ADAPTER_FIELDS = new Set(['sync_mode']);
/** File inputs a provider reads by URL, by media type. */
const FILE_FIELD =
  /^(?:(image|mask|video|audio|start_image|end_image|reference_image|garment_image|human_image|model_image)s?_urls?|(image|video|audio)_urls?)$/;
const MEDIA_OF = (name: string): 'image' | 'video' | 'audio' => (/video/.test(name) ? 'video' : /audio/.test(name) ? 'audio' : 'image');

/** Orders values of a price-relevant enum from cheapest: resolutions, sizes, qualities, durations. */
const RANK: Record<string, number> = {
  '0.5K': 0,
  '1K': 1,
  '2K': 2,
  '4K': 4,
  '480p': 0,
  '540p': 1,
  '580p': 1,
  '720p': 2,
  '1080p': 3,
  '4k': 4,
  square: 0,
  portrait_16_9: 1,
  landscape_16_9: 1,
  portrait_4_3: 2,
  landscape_4_3: 2,
  square_hd: 3,
  low: 0,
  medium: 1,
  high: 2,
  auto: 3,
  TURBO: 0,
  BALANCED: 1,
  QUALITY: 2,
  standard: 0,
  hd: 1,
};
const PRICED_ENUM = /^(resolution|image_size|quality|rendering_speed|duration|num_frames|upscale_factor|aspect_ratio)$/;

const tsNumber = (n: number) => (Math.abs(n) >= 10_000 && Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '_') : String(n));
const literal = (v: unknown) => (typeof v === 'string' ? q(v) : JSON.stringify(v));
/** A description on one line, without the document's markdown ticks, under 200 characters. */
function describe(field: PublishedField): string {
  const text = String(field.schema.description ?? field.schema.title ?? field.name)
    .replace(/\s+/g, ' ')
    .replace(/`/g, '')
    .trim();
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** One zod field, or undefined when the starter cannot express its shape. */
function zodField(field: PublishedField, uploads: Record<string, string>): string | undefined {
  const s = field.schema;
  let zod: string;
  const anyOf = Array.isArray(s.anyOf) ? (s.anyOf as Json[]) : undefined;
  const enumOf = (x: Json) => (Array.isArray(x.enum) && x.enum.every((v) => typeof v === 'string') ? (x.enum as string[]) : undefined);
  const enumValues = enumOf(s) ?? anyOf?.map(enumOf).find(Boolean);
  if (FILE_FIELD.test(field.name) && (s.type === 'string' || s.type === 'array')) {
    uploads[field.name] = MEDIA_OF(field.name);
    const what = `${MEDIA_OF(field.name)}: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage`;
    if (s.type === 'array') {
      const min = typeof s.minItems === 'number' ? s.minItems : 1;
      zod = `z.array(z.string().min(1)).min(${min})${typeof s.maxItems === 'number' ? `.max(${s.maxItems})` : ''}.describe(${q(`${describe(field)} (each ${what})`)})`;
    } else {
      zod = `z.string().min(1).describe(${q(`${describe(field)} (${what})`)})`;
    }
    return field.required ? zod : `${zod}.optional()`;
  }
  if (enumValues) {
    zod = `z.enum([${enumValues.map(q).join(', ')}])`;
  } else if (s.type === 'string') {
    const min = typeof s.minLength === 'number' ? s.minLength : field.required ? 1 : 0;
    zod = `z.string()${min > 0 ? `.min(${min})` : ''}${typeof s.maxLength === 'number' ? `.max(${tsNumber(s.maxLength)})` : ''}`;
  } else if (s.type === 'integer' || s.type === 'number') {
    zod = `z.number()${s.type === 'integer' ? '.int()' : ''}`;
    const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? undefined : /^num_/.test(field.name) ? 1 : undefined;
    if (min !== undefined) zod += `.min(${tsNumber(min)})`;
    if (typeof s.exclusiveMinimum === 'number') zod += `.gt(${tsNumber(s.exclusiveMinimum)})`;
    if (typeof s.maximum === 'number') zod += `.max(${tsNumber(s.maximum)})`;
    if (typeof s.exclusiveMaximum === 'number') zod += `.lt(${tsNumber(s.exclusiveMaximum)})`;
  } else if (s.type === 'boolean') {
    zod = 'z.boolean()';
  } else {
    return undefined;
  }
  const fallback = s.default;
  const hasDefault = fallback !== undefined && (!enumValues || enumValues.includes(fallback as string));
  const tail = hasDefault ? `.default(${literal(fallback)})` : field.required ? '' : '.optional()';
  return `${zod}${tail}.describe(${q(describe(field))})`;
}

/** The cheapest value of a priced enum (or the lowest count), when the field has one. */
function cheapestValue(field: PublishedField): unknown {
  const s = field.schema;
  const values = (Array.isArray(s.enum) ? s.enum : (Array.isArray(s.anyOf) ? (s.anyOf as Json[]) : []).map((x) => x.enum).find(Array.isArray)) as
    unknown[] | undefined;
  if (/^num_(images|outputs)$/.test(field.name)) return typeof s.minimum === 'number' ? s.minimum : 1;
  if (values && PRICED_ENUM.test(field.name) && field.name !== 'aspect_ratio') {
    const ranked = values.filter((v) => typeof v === 'string' && v in RANK) as string[];
    if (ranked.length > 0) return ranked.sort((a, b) => RANK[a] - RANK[b])[0];
    const numbers = values.map(Number).filter((n) => Number.isFinite(n));
    if (numbers.length === values.length) return values[numbers.indexOf(Math.min(...numbers))];
  }
  if ((s.type === 'integer' || s.type === 'number') && /^(duration|num_frames)$/.test(field.name) && typeof s.minimum === 'number') return s.minimum;
  return undefined;
}

/**
 * Limits a seeded document lacks (a client's types hold none): the emulator's rules for the
 * model where it holds them, else, for the image count, the adapter's own cap (`scaffold.countField`),
 * so that no accepted input is priced without bound. The package is then narrower than the
 * document, never wider; `boards drift --update` brings the published limits.
 */
function withLimits(o: NormalizedOptions, field: PublishedField): PublishedField {
  const rule = providerInputSchema(o.provider, o.model)?.[field.name];
  const s = { ...field.schema };
  const fill = (key: string, value: number | undefined) => {
    if (value !== undefined && s[key] === undefined) s[key] = value;
  };
  if (rule) {
    fill('minimum', rule.min);
    fill('maximum', rule.max);
    fill('minLength', rule.minLength);
    fill('maxLength', rule.maxLength);
    fill('minItems', rule.minItems);
    fill('maxItems', rule.maxItems);
  }
  const [count, max] = o.scaffold.countField ?? [];
  if (field.name === count && s.maximum === undefined) {
    fill('minimum', 1);
    s.maximum = max;
  }
  return { ...field, schema: s };
}

/** The starter of a package built from its snapshot. */
export function snapshotDraft(o: NormalizedOptions, snapshot: Snapshot): Draft & { uploads: Record<string, string>; skipped: string[] } {
  const uploads: Record<string, string> = {};
  const skipped: string[] = [];
  const fields: string[] = [];
  // Required fields first (the prompt, the files), then the document's order.
  const published = publishedInputFields(snapshot, o.descriptor.published?.document)
    .filter((f) => !ADAPTER_FIELDS.has(f.name))
    .map((f) => withLimits(o, f));
  const all = [...published.filter((f) => f.required), ...published.filter((f) => !f.required)];
  const kept: PublishedField[] = [];
  for (const field of all) {
    const zod = zodField(field, uploads);
    if (zod === undefined) {
      skipped.push(field.name);
      continue;
    }
    kept.push(field);
    fields.push(`  ${field.name}: ${zod},`);
  }
  if (skipped.length) fields.push(`  // Not supported by this package (their shape is not expressed): ${skipped.join(', ')}.`);
  const required = kept.filter((f) => f.required && f.schema.default === undefined);
  const count = kept.find((f) => /^num_(images|outputs)$/.test(f.name))?.name;

  // The cheapest input: every required field, then the cheapest value of every priced field.
  const valueFor = (f: PublishedField, second: boolean): string => {
    if (uploads[f.name]) return f.schema.type === 'array' ? '[RED_CIRCLE_PNG]' : 'RED_CIRCLE_PNG';
    if (f.name === 'prompt') return second ? q('a lighthouse at dusk') : q('a red circle on a white background');
    const enumValues = Array.isArray(f.schema.enum) ? (f.schema.enum as unknown[]) : undefined;
    if (enumValues) return literal(enumValues[0]);
    if (f.schema.type === 'string') return q(second ? 'a lighthouse at dusk' : 'a red circle');
    if (f.schema.type === 'boolean') return 'false';
    return String(typeof f.schema.minimum === 'number' ? f.schema.minimum : 1);
  };
  const cheapest: string[] = required.map((f) => `${f.name}: ${valueFor(f, false)}`);
  for (const f of kept) {
    const v = cheapestValue(f);
    if (v !== undefined && !required.includes(f)) cheapest.push(`${f.name}: ${literal(v)}`);
  }
  const sizeField = kept.find((f) => f.name === 'image_size' && zodField(f, {})?.startsWith('z.enum('));
  const megapixels = o.price.unit === 'megapixel' && sizeField ? 'billedMegapixels(input.image_size)' : undefined;
  // A size without a default follows the input image: no estimate until one is asked for.
  const unsized = megapixels !== undefined && sizeField?.schema.default === undefined;
  // The unit test's input: the required fields and two images where the count allows it (and a size to price).
  const testEntries = required.map((f) => `${f.name}: ${valueFor(f, true)}`);
  if (count) testEntries.push(`${count}: 2`);
  if (unsized) testEntries.push(`image_size: 'landscape_4_3'`);
  // What the adapter sends: the test input, uploads as storage URLs, and every default.
  const sent = [
    ...required.map((f) =>
      uploads[f.name]
        ? `${f.name}: ${f.schema.type === 'array' ? '[expect.stringMatching(/^https?:\\/\\//)]' : 'expect.stringMatching(/^https?:\\/\\//)'}`
        : `${f.name}: ${valueFor(f, true)}`,
    ),
    ...(count ? [`${count}: 2`] : []),
    ...(unsized ? [`image_size: 'landscape_4_3'`] : []),
    ...kept
      .filter((f) => f.name !== count && !required.includes(f) && f.schema.default !== undefined && zodField(f, {})?.includes('.default('))
      .map((f) => `${f.name}: ${literal(f.schema.default)}`),
  ];
  const props = (entries: string[]) => `{ ${entries.join(', ')} }`;
  const many = count ? 2 : 1;
  const perImage = o.price.unit === 'image' || megapixels ? count && `input.${count}` : undefined;
  // Speech billed per 1,000 characters: of the required text actually sent.
  const textField = o.price.unit === '1k-characters' ? required.find((f) => f.name === 'text' && f.schema.type === 'string') : undefined;
  const perCharacters = textField ? 'input.text.length / 1000' : undefined;
  const quantity = [perImage, megapixels, perCharacters].filter(Boolean).join(' * ') || '1';
  // Thousands of characters of a quoted literal the draft sends (its escapes undone).
  const charactersOf = (quoted: string) => quoted.slice(1, -1).replace(/\\(.)/g, '$1').length / 1000;
  const artifact = o.artifact;
  const sendsImage = required.some((f) => uploads[f.name]);
  return {
    uploads,
    skipped,
    imports: sendsImage ? [`import { RED_CIRCLE_PNG } from '@boards/core';`] : [],
    preamble:
      (megapixels ? `${requiredFragment(o, 'megapixel-preamble', 0)}\n` : '') +
      // The tests import the sample image from the generator module, as they import the generator.
      (sendsImage ? `\nexport { RED_CIRCLE_PNG };\n` : ''),
    fields,
    cheapestInput: props(cheapest),
    cheapestQuantity: textField ? charactersOf(valueFor(textField, false)) : 1,
    estimate: unsized
      ? `  // Billed per megapixel of every output image, each rounded up; without image_size the output takes the input image's size.
  estimateCost: (input) =>
    input.image_size === undefined
      ? unknownCost('the output takes the size of the input image: pass image_size for an estimate')
      : estimateFromPrice(price, ${quantity}),
`
      : estimateFor(
          o,
          quantity,
          megapixels
            ? 'Billed per megapixel of every output image, each rounded up.'
            : perCharacters
              ? 'Billed per 1,000 characters of the text sent.'
              : quantity === '1'
                ? 'One price per call.'
                : 'Billed per output image.',
        ),
    run: Object.keys(uploads).length
      ? `  // ${o.descriptor.displayName} reads inputs by URL: each file is uploaded to its storage first.\n  uploads: { ${Object.entries(uploads)
          .map(([k, v]) => `${k}: ${q(v)}`)
          .join(', ')} },\n`
      : '',
    inputsDoc: kept.map((f) => `\`${f.name}\`${f.required ? ' (required)' : ''}`).join(', '),
    cheapestDoc: `one ${artifact} from the cheapest input`,
    invalidInputs: [
      ...required
        .slice(0, 1)
        .map((f) => `{ input: ${props(required.filter((r) => r !== f).map((r) => `${r.name}: ${valueFor(r, false)}`))}, field: '${f.name}' }`),
      ...(count ? [`{ input: ${props([...required.map((f) => `${f.name}: ${valueFor(f, false)}`), `${count}: 0`])}, field: '${count}' }`] : []),
      ...kept
        .filter((f) => Array.isArray(f.schema.enum))
        .slice(0, 1)
        .map((f) => `{ input: ${props([...required.map((r) => `${r.name}: ${valueFor(r, false)}`), `${f.name}: 'not-a-value'`])}, field: '${f.name}' }`),
    ],
    test: {
      imports: [],
      setup: '',
      title: `submits the input to ${o.descriptor.displayName} and stores ${count ? 'every' : 'the'} ${artifact}`,
      input: props(testEntries),
      quantity: textField ? charactersOf(valueFor(textField, true)) : quantity === '1' ? 1 : many,
      requestAssertions: requestAssertions(o, props(sent)),
      artifactAssertions: `    expect(artifacts).toHaveLength(${many});
    expect(artifacts.every((a) => a.type === '${artifact}' && a.mimeType.startsWith('${artifact}/'))).toBe(true);`,
    },
    liveTitle: `generates one ${artifact} from the cheapest input`,
  };
}
