import type { CostEstimate } from '@boards/core';
import { estimateFromPrice, unknownCost } from '@boards/cost';
import { estimateFor, q, textLength, type Draft, type Starter } from './draft';
import { adapterPackage, requestAssertions, requiredFragment } from './fragments';
import { snapshotDraft } from './from-snapshot';
import { image } from './image-starter';
import type { NormalizedOptions } from './normalize';

export { q, type Starter } from './draft';

function video(o: NormalizedOptions): Draft {
  return {
    imports: [],
    preamble: '',
    fields: [
      `  prompt: z.string()${textLength(o, 'prompt', 10_000).zod}.describe('Text describing the video'),`,
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
  const length = textLength(o, 'text', 5000);
  return {
    imports: [],
    preamble: '',
    fields: [`  text: z.string()${length.zod}.describe('Text to speak; billed per 1,000 characters'),`],
    cheapestInput: `{ text: 'Hello.' }`,
    cheapestQuantity: 6 / 1000,
    estimate: estimateFor(o, 'input.text.length / 1000', 'Billed per character of input text.'),
    run: '',
    inputsDoc: `\`text\` (required, ${length.min}-${length.max} characters, billed per 1,000 characters)`,
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
      o.unit === 'request'
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
      quantity: o.unit === 'request' ? 1 : 0.5,
      requestAssertions: requiredFragment(o, 'request-text', 4),
      artifactAssertions: `    expect(artifacts).toEqual([expect.objectContaining({ type: 'text', text: expect.any(String) })]);`,
    },
    liveTitle: 'transcribes one second of audio from the cheapest input',
  };
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
  const starter = o.snapshot ? snapshotDraft(o, o.snapshot) : { image, video, audio, text }[o.artifact](o);
  const define = o.scaffold.define;
  // What the estimate and the price use of @boards/cost.
  const cost = [
    ...(starter.estimate.includes('estimateFromPrice(') ? ['estimateFromPrice'] : []),
    ...(starter.estimate.includes('seconds(') ? ['seconds'] : []),
    ...(starter.estimate.includes('unknownCost(') ? ['unknownCost'] : []),
    ...(o.price.unknown ? ['unknownPrice'] : []),
  ];
  return {
    ...starter,
    define,
    imports: mergeImports([
      `import { z } from 'zod';`,
      `import { ${define} } from '${adapterPackage(o)}';`,
      ...(cost.length ? [`import { ${cost.join(', ')} } from '@boards/cost';`] : []),
      ...starter.imports,
    ]),
  };
}

/** The estimate of `quantity` price units (undefined: unknown, for `unknownReason`), computed as the generated estimate will. */
export function expectedEstimate(o: NormalizedOptions, quantity: number | undefined, unknownReason = 'the input does not say the quantity'): CostEstimate {
  if (quantity === undefined && o.unit !== 'request') return unknownCost(unknownReason);
  return estimateFromPrice(o.price, o.unit === 'request' ? 1 : (quantity as number));
}
