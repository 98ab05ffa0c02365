import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimateFromPrice } from '@boards/cost';
import type { NormalizedOptions } from './normalize';

/**
 * A provider's starter fragment: the lines between `// starter:<name>` and `// starter:end` of
 * `files/starters/<provider>.ts` (real TypeScript that lint and typecheck see), re-indented to
 * `indent` spaces, with the __MODEL__, __MODEL_NAME__, __MODEL_VERSION__ and __BODY__ tokens
 * filled in. Undefined when the provider has no such fragment.
 */
export function starterFragment(o: NormalizedOptions, name: string, indent: number, body = ''): string | undefined {
  const file = join(__dirname, 'files', 'starters', `${o.provider}.ts`);
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === `// starter:${name}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && l.trim() === '// starter:end');
  const own = lines[start].length - lines[start].trimStart().length;
  const [modelName, version = ''] = o.model.split(':');
  return lines
    .slice(start + 1, end)
    .map((l) => `${' '.repeat(indent)}${l.slice(own)}`)
    .join('\n')
    .replace(/__MODEL_NAME__/g, modelName)
    .replace(/__MODEL_VERSION__/g, version)
    .replace(/__MODEL__/g, o.model)
    .replace(/__BODY__/g, body);
}

function requiredFragment(o: NormalizedOptions, name: string, indent: number, body?: string): string {
  const text = starterFragment(o, name, indent, body);
  if (text === undefined) throw new Error(`files/starters/${o.provider}.ts has no "${name}" starter fragment`);
  return text;
}

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
  /** Units of the price the cheapest input buys (for the README's live-test cost). */
  cheapestQuantity: number;
  estimate: string;
  /** Spec members after estimateCost ('' when the adapter's defaults do the mapping). */
  run: string;
  inputsDoc: string;
  cheapestDoc: string;
  invalidInputs: string[];
  test: { imports: string[]; setup: string; title: string; input: string; quantity: number; requestAssertions: string; artifactAssertions: string };
  liveTitle: string;
}

/** A starter before the adapter's define function and imports are added. */
type Draft = Omit<Starter, 'define'>;

const FAL_IMAGE_SIZES = `/** fal's image_size presets in pixels. fal bills each image rounded up to whole megapixels of 1024x1024. */
const IMAGE_SIZES = {
  square_hd: [1024, 1024],
  square: [512, 512],
  portrait_4_3: [768, 1024],
  portrait_16_9: [576, 1024],
  landscape_4_3: [1024, 768],
  landscape_16_9: [1024, 576],
} as const;
type ImageSize = keyof typeof IMAGE_SIZES;
const billedMegapixels = (size: ImageSize) => Math.ceil((IMAGE_SIZES[size][0] * IMAGE_SIZES[size][1]) / 2 ** 20);
`;

/** A single-quoted TypeScript string literal. */
export const q = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function estimateFor(o: NormalizedOptions, quantity: string, why: string): string {
  if (o.price.unit === 'request') return '  // One price per call, whatever the input.\n  estimateCost: () => estimateFromPrice(price, 1),\n';
  return `  // ${why}\n  estimateCost: (input) => estimateFromPrice(price, ${quantity}),\n`;
}

function image(o: NormalizedOptions): Draft {
  const [count, max] = o.scaffold.countField;
  const mp = o.price.unit === 'megapixel';
  // A provider whose images need their own call (a synchronous API) has an `image-run` fragment.
  const ownRun = starterFragment(o, 'image-run', 2);
  const fields = [
    `  prompt: z.string().min(1).max(10_000).describe('Text describing the image'),`,
    `  ${count}: z.number().int().min(1).max(${max}).default(1).describe('How many images (1-${max}); each is billed'),`,
    ...(mp
      ? [
          `  image_size: z.enum(Object.keys(IMAGE_SIZES) as [ImageSize, ...ImageSize[]]).default('landscape_4_3').describe('Size preset; billed per megapixel'),`,
        ]
      : []),
  ];
  const body = `{ prompt: 'a lighthouse at dusk', ${count}: 2${mp ? ", image_size: 'landscape_4_3'" : ''} }`;
  return {
    imports: ownRun === undefined ? [] : [requiredFragment(o, 'image-imports', 0)],
    preamble: mp ? FAL_IMAGE_SIZES : '',
    fields,
    cheapestInput: `{ prompt: 'a red circle on a white background', ${count}: 1${mp ? ", image_size: 'square'" : ''} }`,
    cheapestQuantity: 1,
    estimate: mp
      ? estimateFor(o, `input.num_images * billedMegapixels(input.image_size)`, 'Billed per megapixel of every output image.')
      : estimateFor(o, `input.${count}`, 'Billed per output image.'),
    run: ownRun === undefined ? '' : `${ownRun}\n`,
    inputsDoc:
      `\`prompt\` (required), \`${count}\` (1-${max}, default 1, each billed)` +
      (mp ? ', `image_size` (fal preset, default `landscape_4_3`; each image billed rounded up to whole megapixels)' : '') +
      (ownRun !== undefined ? '. Every image is 1024x1024 at medium quality, the size and quality the price holds for' : ''),
    cheapestDoc: mp ? 'one 512x512 image' : 'one image',
    invalidInputs: [
      `{ input: { ${count}: 1 }, field: 'prompt' }`,
      `{ input: { prompt: 'a cat', ${count}: 0 }, field: '${count}' }`,
      `{ input: { prompt: 'a cat', ${count}: ${max + 1} }, field: '${count}' }`,
      ...(mp ? [`{ input: { prompt: 'a cat', image_size: 'huge' }, field: 'image_size' }`] : []),
    ],
    test: {
      imports: [],
      setup: '',
      title: 'sends the prompt and image count and stores every image',
      input: `{ prompt: 'a lighthouse at dusk', ${count}: 2 }`,
      quantity: 2,
      requestAssertions: requestAssertions(o, body),
      artifactAssertions: `    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);`,
    },
    liveTitle: 'generates one image from the cheapest input',
  };
}

function video(o: NormalizedOptions): Draft {
  return {
    imports: [],
    preamble: '',
    fields: [
      `  prompt: z.string().min(1).max(10_000).describe('Text describing the video'),`,
      `  duration: z.number().int().min(1).max(10).default(5).describe('Length in seconds (1-10); billed per second'),`,
    ],
    cheapestInput: `{ prompt: 'a red ball rolling across a white floor', duration: 1 }`,
    cheapestQuantity: 1,
    estimate: estimateFor(o, 'input.duration', 'Billed per second of output video.'),
    run: '',
    inputsDoc: '`prompt` (required), `duration` (seconds, 1-10, default 5, billed per second)',
    cheapestDoc: 'a one-second video',
    invalidInputs: [
      `{ input: { duration: 5 }, field: 'prompt' }`,
      `{ input: { prompt: 'x', duration: 0 }, field: 'duration' }`,
      `{ input: { prompt: 'x', duration: 2.5 }, field: 'duration' }`,
    ],
    test: {
      imports: [],
      setup: '',
      title: 'sends the prompt and duration and stores the video',
      input: `{ prompt: 'waves rolling onto a beach', duration: 3 }`,
      quantity: 3,
      requestAssertions: requestAssertions(o, `{ prompt: 'waves rolling onto a beach', duration: 3 }`),
      artifactAssertions: `    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'video', mimeType: expect.stringMatching(/^video\\//) });`,
    },
    liveTitle: 'generates a one-second video from the cheapest input',
  };
}

function audio(o: NormalizedOptions): Draft {
  const text = 'Hello from the emulator.';
  return {
    imports: [],
    preamble: '',
    fields: [`  text: z.string().min(1).max(5000).describe('Text to speak; billed per 1,000 characters'),`],
    cheapestInput: `{ text: 'Hello.' }`,
    cheapestQuantity: 6 / 1000,
    estimate: estimateFor(o, 'input.text.length / 1000', 'Billed per character of input text.'),
    run: '',
    inputsDoc: '`text` (required, 1-5000 characters, billed per 1,000 characters)',
    cheapestDoc: 'six characters of speech',
    invalidInputs: [`{ input: {}, field: 'text' }`, `{ input: { text: '' }, field: 'text' }`],
    test: {
      imports: [],
      setup: '',
      title: 'sends the text and stores the speech',
      input: `{ text: ${q(text)} }`,
      quantity: text.length / 1000,
      requestAssertions: requestAssertions(o, `{ text: ${q(text)} }`),
      artifactAssertions: `    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'audio', mimeType: expect.stringMatching(/^audio\\//) });`,
    },
    liveTitle: 'speaks the cheapest input',
  };
}

function text(o: NormalizedOptions): Draft {
  return {
    imports: [`import { probeLocalMedia, silentWav } from '@boards/core';`, requiredFragment(o, 'text-imports', 0)],
    preamble: '',
    fields: [
      `  audio: z.string().min(1).describe('Audio to transcribe: a local path, file:// / https:// / data: URL, or a stored artifact URL'),`,
      `  language: z.string().regex(/^[a-z]{2}$/, 'an ISO-639-1 code such as "en"').optional().describe('Language of the audio (ISO-639-1)'),`,
    ],
    cheapestInput: "{ audio: `data:audio/wav;base64,${Buffer.from(silentWav(1)).toString('base64')}` }",
    cheapestQuantity: 1 / 60,
    estimate:
      o.price.unit === 'request'
        ? estimateFor(o, '1', '')
        : `  estimateCost: (input) => {
    // Billed per minute of audio, which only local files and data: URLs tell before upload.
    const seconds = probeLocalMedia(input.audio)?.durationSeconds;
    return seconds === undefined
      ? unknownCost('the audio duration is unknown until the file is read (remote or unparsed format)')
      : estimateFromPrice(price, seconds / 60);
  },
`,
    run: `${requiredFragment(o, 'text-run', 2)}\n`,
    inputsDoc:
      '`audio` (required: a local path, `file://`, `https://` or `data:` URL), `language` (ISO-639-1). ' +
      'The cost estimate reads the duration of local WAV files; remote audio is reported as unknown cost, never $0',
    cheapestDoc: 'one second of audio',
    invalidInputs: [`{ input: {}, field: 'audio' }`, `{ input: { audio: 'a.wav', language: 'english' }, field: 'language' }`],
    test: {
      imports: [
        `import { mkdtempSync, writeFileSync } from 'node:fs';`,
        `import { tmpdir } from 'node:os';`,
        `import { join } from 'node:path';`,
        `import { silentWav } from '@boards/core';`,
      ],
      setup: `  const audioPath = join(mkdtempSync(join(tmpdir(), ${q(`${o.name}-test-`)})), 'thirty-seconds.wav');
  writeFileSync(audioPath, silentWav(30));
`,
      title: 'uploads the audio as multipart and stores the transcript',
      input: `{ audio: audioPath, language: 'en' }`,
      quantity: o.price.unit === 'request' ? 1 : 0.5,
      requestAssertions: requiredFragment(o, 'request-text', 4),
      artifactAssertions: `    expect(artifacts).toEqual([expect.objectContaining({ type: 'text', text: expect.any(String) })]);`,
    },
    liveTitle: 'transcribes one second of audio from the cheapest input',
  };
}

/** The unit test's check of the request the adapter sent: the provider's `request` fragment (`request-versioned` for a pinned version). */
function requestAssertions(o: NormalizedOptions, body: string): string {
  const versioned = o.model.includes(':') ? starterFragment(o, 'request-versioned', 4, body) : undefined;
  return versioned ?? requiredFragment(o, 'request', 4, body);
}

/** `import { a } from 'm';` lines of one module joined into one (fragments import what they use; the define function is added). */
function mergeImports(lines: string[]): string[] {
  const named = /^import \{ ([^}]+) \} from '([^']+)';$/;
  const out: string[] = [];
  const byModule = new Map<string, number>();
  for (const line of lines) {
    const m = named.exec(line);
    const at = m ? byModule.get(m[2]) : undefined;
    if (m && at !== undefined) {
      const existing = named.exec(out[at]) as RegExpExecArray;
      const names = [...new Set([...existing[1].split(', '), ...m[1].split(', ')])];
      out[at] = `import { ${names.join(', ')} } from '${m[2]}';`;
    } else {
      if (m) byModule.set(m[2], out.length);
      out.push(line);
    }
  }
  return out;
}

export function starterFor(o: NormalizedOptions): Starter {
  const starter = { image, video, audio, text }[o.artifact](o);
  const define = o.scaffold.define;
  const adapter = `@boards/provider-${o.provider}`;
  const needsUnknown = starter.estimate.includes('unknownCost(');
  return {
    ...starter,
    define,
    imports: mergeImports([
      `import { z } from 'zod';`,
      `import { ${define} } from '${adapter}';`,
      `import { estimateFromPrice${needsUnknown ? ', unknownCost' : ''} } from '@boards/cost';`,
      ...starter.imports,
    ]),
  };
}

/** Micro-dollars of `quantity` price units, computed as the generated estimate will. */
export function expectedMicros(o: NormalizedOptions, quantity: number): number {
  const estimate = estimateFromPrice(o.price, o.price.unit === 'request' ? 1 : quantity);
  if (!estimate.known) throw new Error(`starter quantity is not a number: ${estimate.reason}`);
  return estimate.micros;
}
