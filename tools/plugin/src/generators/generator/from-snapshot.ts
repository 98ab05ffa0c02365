/**
 * A package's starter from its provider's published document alone (the snapshot): every input
 * field the document declares becomes a zod field with its type, enum, default, limits and
 * description; file inputs (`image_urls`, `audio_url`, `video_url`, ...) are declared as uploads of
 * the media the document says they hold; the cheapest input takes the smallest count, resolution and
 * duration the schema allows, no generated soundtrack, and a sample file of each required kind; the
 * estimate counts the unit of the price (images, megapixels, seconds of `duration`, characters of
 * the text); the unit test sends a second input and checks the request the emulator logged. Fields the document gives a shape
 * the starter cannot express (nested objects, LoRA lists) are left out and listed in a comment.
 */
import { providerInputSchema } from '@boards/emulator';
import type { PublishedDocumentSource } from '@boards/core';
import { seconds } from '@boards/cost';
import { estimateFor, q, type Draft } from './draft';
import { requestAssertions, requiredFragment } from './fragments';
import { snapshotEstimate, type SnapshotEstimate } from './snapshot-estimate';
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
  // The document's own order of the fields (fal's x-fal-order-properties), never the list of required ones.
  const ordered = Object.entries(input).find(
    ([key, v]) => key !== 'required' && Array.isArray(v) && v.every((n) => typeof n === 'string' && n in properties),
  )?.[1];
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
type Media = 'image' | 'video' | 'audio';

/**
 * The media a file input holds, read from the document: its name (`image_url(s)`, `mask_url`,
 * `start_image_url`, `audio_url`, `video_url`), else what its title and description say of a URL
 * field (`reference_url`: "URL of the audio ..."). Undefined for a field that holds no file.
 */
export function fileMedia(field: PublishedField): Media | undefined {
  const s = field.schema;
  const items = obj(s.items);
  const isString = s.type === 'string' || (s.type === 'array' && items.type === 'string') || (s.type === 'array' && items.type === undefined);
  if (!/_urls?$/.test(field.name) || !isString) return undefined;
  const named = /(image|mask|video|audio)s?_urls?$/.exec(field.name)?.[1];
  if (named) return named === 'mask' ? 'image' : (named as Media);
  // A frame of a video is a picture: `first_frame_url` ("the first frame of the video") takes an image.
  if (/(^|_)frames?_urls?$/.test(field.name)) return 'image';
  const said = `${String(s.title ?? '')} ${String(s.description ?? '')}`.toLowerCase();
  const kinds = (['image', 'video', 'audio'] as const).filter((k) => new RegExp(`\\b${k}s?\\b`).test(said));
  return kinds.length === 1 ? kinds[0] : undefined;
}

/** The sample a cheapest input sends for a required file of each media (real files: @boards/core's sample-media). */
const SAMPLE: Record<Media, string> = { image: 'RED_CIRCLE_PNG', video: 'RED_CIRCLE_MP4', audio: 'SILENT_WAV' };

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
  const media = fileMedia(field);
  if (media) {
    uploads[field.name] = media;
    const what = `${media}: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage`;
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
    // Numbers, or durations written as '5' or '8s': the shortest is the cheapest.
    const numbers = values.map((v) => (field.name === 'duration' && (typeof v === 'string' || typeof v === 'number') ? seconds(v) : Number(v)));
    if (numbers.every((n) => Number.isFinite(n))) return values[numbers.indexOf(Math.min(...numbers))];
  }
  if ((s.type === 'integer' || s.type === 'number') && /^(duration|num_frames)$/.test(field.name) && typeof s.minimum === 'number') return s.minimum;
  // A generated soundtrack costs extra wherever it is priced apart (veo, kling): the cheapest input goes without.
  if (s.type === 'boolean' && field.name === 'generate_audio') return false;
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
  const uploads: Record<string, Media> = {};
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

  // The cheapest input: every required field (a real sample file of each media), then the cheapest value of every priced field.
  const rawValue = (f: PublishedField, second: boolean): unknown => {
    if (f.name === 'prompt') return second ? 'a lighthouse at dusk' : 'a red circle on a white background';
    const enumValues = Array.isArray(f.schema.enum) ? (f.schema.enum as unknown[]) : undefined;
    if (enumValues) return enumValues[0];
    if (f.schema.type === 'string') return second ? 'a lighthouse at dusk' : 'a red circle';
    if (f.schema.type === 'boolean') return false;
    return typeof f.schema.minimum === 'number' ? f.schema.minimum : 1;
  };
  const valueFor = (f: PublishedField, second: boolean): string => {
    const media = uploads[f.name];
    if (media) return f.schema.type === 'array' ? `[${SAMPLE[media]}]` : SAMPLE[media];
    return literal(rawValue(f, second));
  };
  // A required priced field (a resolution with no default) takes its cheapest value too, not the document's first.
  const cheapest: string[] = required.map((f) => {
    const v = uploads[f.name] ? undefined : cheapestValue(f);
    return `${f.name}: ${v !== undefined ? literal(v) : valueFor(f, false)}`;
  });
  for (const f of kept) {
    const v = cheapestValue(f);
    if (v !== undefined && !required.includes(f)) cheapest.push(`${f.name}: ${literal(v)}`);
  }
  const estimate = snapshotEstimate(o, { kept, required, count, valueOf: rawValue, cheapestOf: cheapestValue });
  // The unit test's input: the required fields, two images where the count allows it, and what prices it (a size, a duration).
  const testEntries = [...required.map((f) => `${f.name}: ${valueFor(f, true)}`), ...(count ? [`${count}: 2`] : []), ...estimate.testExtras];
  const extraNames = new Set(estimate.testExtras.map((e) => e.split(':')[0]));
  // What the adapter sends: the test input, uploads as storage URLs, and every default.
  const sent = [
    ...required.map((f) =>
      uploads[f.name]
        ? `${f.name}: ${f.schema.type === 'array' ? '[expect.stringMatching(/^https?:\\/\\//)]' : 'expect.stringMatching(/^https?:\\/\\//)'}`
        : `${f.name}: ${valueFor(f, true)}`,
    ),
    ...(count ? [`${count}: 2`] : []),
    ...estimate.testExtras,
    ...kept
      .filter(
        (f) => f.name !== count && !required.includes(f) && !extraNames.has(f.name) && f.schema.default !== undefined && zodField(f, {})?.includes('.default('),
      )
      .map((f) => `${f.name}: ${literal(f.schema.default)}`),
  ];
  const props = (entries: string[]) => `{ ${entries.join(', ')} }`;
  const many = count ? 2 : 1;
  const artifact = o.artifact;
  // The samples the cheapest input sends; the tests import them from the generator module, as they import the generator.
  const samples = [...new Set(required.flatMap((f) => (uploads[f.name] ? [SAMPLE[uploads[f.name]]] : [])))].sort();
  return {
    uploads,
    skipped,
    imports: [
      ...(estimate.megapixelPresets ? [requiredFragment(o, 'megapixel-imports', 0)] : []),
      ...(samples.length ? [`import { ${samples.join(', ')} } from '@boards/core';`] : []),
    ],
    preamble: samples.length ? `\nexport { ${samples.join(', ')} };\n` : '',
    samples,
    fields,
    cheapestInput: props(cheapest),
    cheapestQuantity: estimate.cheapest,
    estimate: estimateCode(o, estimate),
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
      // The field under test once: a required count or enum is not also given its valid value.
      ...(count
        ? [
            `{ input: ${props([...required.filter((f) => f.name !== count).map((f) => `${f.name}: ${valueFor(f, false)}`), `${count}: 0`])}, field: '${count}' }`,
          ]
        : []),
      ...kept
        .filter((f) => Array.isArray(f.schema.enum))
        .slice(0, 1)
        .map(
          (f) =>
            `{ input: ${props([...required.filter((r) => r !== f).map((r) => `${r.name}: ${valueFor(r, false)}`), `${f.name}: 'not-a-value'`])}, field: '${f.name}' }`,
        ),
    ],
    test: {
      imports: [],
      setup: '',
      title: `submits the input to ${o.descriptor.displayName} and stores ${count ? 'every' : 'the'} ${artifact}`,
      input: props(testEntries),
      quantity: estimate.test,
      unknownReason: estimate.unknownWhen?.reason,
      requestAssertions: requestAssertions(o, props(sent)),
      artifactAssertions: `    expect(artifacts).toHaveLength(${many});
    expect(artifacts.every((a) => a.type === '${artifact}' && a.mimeType.startsWith('${artifact}/'))).toBe(true);`,
    },
    liveTitle: `generates one ${artifact} from the cheapest input`,
  };
}

/** The `estimateCost` member: the quantity at the price, unknown where the input does not say it. */
function estimateCode(o: NormalizedOptions, estimate: SnapshotEstimate): string {
  const { unknownWhen, expression, why } = estimate;
  if (!unknownWhen) return estimateFor(o, expression, why);
  if (unknownWhen.condition === 'true') return `  // ${why}\n  estimateCost: () => unknownCost(${q(unknownWhen.reason)}),\n`;
  return `  // ${why}
  estimateCost: (input) =>
    ${unknownWhen.condition}
      ? unknownCost(${q(unknownWhen.reason)})
      : estimateFromPrice(price, ${expression}),
`;
}
