import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Replicate from 'replicate';
import { createFalClient } from '@fal-ai/client';
import OpenAI, { toFile } from 'openai';
import { collectUrls, createGeneratorContext, type AnyGenerator } from '@boards/core';
import { rewriteFalUrl } from '@boards/emulator';
import { LocalArtifactStore } from '@boards/storage';
import { adapterSettings, type EmulatorProcess } from './emulator-process';
import { generatorLoader } from './generators';
import { table, type Section } from './markdown';
import { OVERHEAD_GOAL_MS, OVERHEAD_GOAL_RATIO, overheadGoal, type OverheadFigure } from './goals';
import { median, millis, ratio } from './stats';

/** Simulated provider work per job. Everything a call takes beyond it is overhead. */
export const JOB_MS = 2000;

interface Path {
  generator: string;
  provider: string;
  /** Why the goal cannot be met, when that is a fact of the provider. */
  missedBecause?: string;
  how: string;
  adapter: boolean;
  /** The SDK's default way to wait: the adapter's goal ratio is measured against it. */
  sdkDefault?: boolean;
  run(): Promise<void>;
}

/** One SDK path of a provider: what an app would write with the provider's SDK instead of the adapter. */
interface SdkPath {
  how: string;
  /** The SDK's default way to wait for a job (one per provider): the baseline of the adapter's goal ratio. */
  sdkDefault?: boolean;
  run(): Promise<void>;
}

/** What the SDK paths get: the emulator, the generator's parsed cheapest input, and a way to save an output as an app would. */
interface SdkEnv {
  emulator: EmulatorProcess;
  generator: AnyGenerator;
  input: Record<string, unknown>;
  save(bytes: Uint8Array): void;
}

/** A provider the bench measures: its generator (through the adapter), how the adapter waits, and the SDK's own paths. */
interface ProviderEntry {
  generator: string;
  adapter: string;
  sdk?: (env: SdkEnv) => SdkPath[];
  /** Why the goals section's row misses, when that is a fact of the provider rather than something to fix. */
  missedBecause?: string;
}

async function bytesOf(output: unknown): Promise<Uint8Array> {
  const first = Array.isArray(output) ? output[0] : output;
  if (first && typeof first === 'object' && 'blob' in first) return new Uint8Array(await (await (first as { blob(): Promise<Blob> }).blob()).arrayBuffer());
  const response = await fetch(String(first));
  if (!response.ok) throw new Error(`output download: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function replicatePaths({ emulator, generator, input, save }: SdkEnv): SdkPath[] {
  const replicate = new Replicate({ auth: 'r8_bench_dummy_token_000000', baseUrl: emulator.baseUrls.replicate });
  return [
    {
      how: 'replicate SDK `predictions.create` + `wait()` (its wait: polls every 500 ms)',
      sdkDefault: true,
      async run() {
        const created = await replicate.predictions.create({ model: generator.model, input });
        save(await bytesOf((await replicate.wait(created, {})).output));
      },
    },
    {
      how: 'replicate SDK `run()` (blocking `Prefer: wait`, its default since 1.0)',
      run: async () => save(await bytesOf(await replicate.run(generator.model as `${string}/${string}`, { input }))),
    },
  ];
}

function falPaths({ emulator, generator, input, save }: SdkEnv): SdkPath[] {
  const fal = createFalClient({
    credentials: 'bench-dummy-id:bench-dummy-secret',
    suppressLocalCredentialsWarning: true,
    requestMiddleware: async (request) => ({ ...request, url: rewriteFalUrl(request.url, emulator.baseUrls.fal) }),
  });
  const firstUrl = (data: unknown) => collectUrls(data)[0];
  return [
    {
      how: 'fal client `subscribe()` (its default: polls every 500 ms)',
      sdkDefault: true,
      run: async () => save(await bytesOf(firstUrl((await fal.subscribe(generator.model, { input })).data))),
    },
    {
      how: "fal client `subscribe()` with `mode: 'streaming'` (the status stream)",
      run: async () => save(await bytesOf(firstUrl((await fal.subscribe(generator.model, { input, mode: 'streaming' })).data))),
    },
  ];
}

function openaiPaths({ emulator, generator, input, save }: SdkEnv): SdkPath[] {
  const openai = new OpenAI({ apiKey: 'sk-bench-dummy-key-000000', baseURL: emulator.baseUrls.openai, maxRetries: 0 });
  return [
    {
      how: 'openai SDK `audio.transcriptions.create` (one blocking call: no polling to save)',
      sdkDefault: true,
      async run() {
        const audio = String(input.audio);
        const bytes = Buffer.from(audio.slice(audio.indexOf(',') + 1), 'base64');
        const file = await toFile(bytes, 'audio.wav', { type: 'audio/wav' });
        const transcript = await openai.audio.transcriptions.create({ model: generator.model, file });
        save(new TextEncoder().encode(transcript.text));
      },
    },
  ];
}

/** The providers the bench measures, one generator each. A provider is one more line here. */
export const OVERHEAD_PROVIDERS: readonly ProviderEntry[] = [
  { generator: 'flux-pro', adapter: 'adapter (`Prefer: wait`, then polls from 100 ms growing to 500 ms)', sdk: replicatePaths },
  { generator: 'nano-banana', adapter: "adapter (fal's status stream; polling when it fails)", sdk: falPaths },
  {
    generator: 'whisper',
    adapter: 'adapter (one blocking call)',
    sdk: openaiPaths,
    missedBecause: "OpenAI's API is one blocking call: the SDK has no polling for the adapter to beat",
  },
  {
    generator: 'kie-seedream-4-5',
    adapter: 'adapter (recordInfo at once, then after 25 ms, 100 ms growing to 500 ms; Kie has no status stream)',
    missedBecause:
      'Kie has no status stream, no blocking create and allows 10 recordInfo calls/s per key (it asks for polls every 2-3 s): polling at the rate 25 ms needs is not allowed; its callBackUrl needs a server the caller runs',
  },
];

function paths(workspace: string, emulator: EmulatorProcess, dir: string): Path[] {
  const { ids, load } = generatorLoader(workspace);
  const store = new LocalArtifactStore({ root: join(dir, 'store') });
  // What an app would write without the adapter: the SDK's defaults, then download and save the file.
  const save = (bytes: Uint8Array) => writeFileSync(join(dir, `sdk-${Math.random().toString(36).slice(2)}.bin`), bytes);
  const settings = adapterSettings(emulator);
  return OVERHEAD_PROVIDERS.filter((entry) => ids.includes(entry.generator)).flatMap((entry): Path[] => {
    const generator = load(entry.generator);
    const input = generator.parseInput(generator.cheapestInput) as Record<string, unknown>;
    const viaAdapter = async () => {
      await generator.generate(generator.cheapestInput, createGeneratorContext({ generatorId: generator.id, store, settings }));
    };
    return [
      { generator: entry.generator, provider: generator.provider, missedBecause: entry.missedBecause, how: entry.adapter, adapter: true, run: viaAdapter },
      ...(entry.sdk?.({ emulator, generator, input, save }) ?? []).map((p) => ({
        ...p,
        generator: entry.generator,
        provider: generator.provider,
        adapter: false,
      })),
    ];
  });
}

/** Job lengths spread over one 500 ms poll period, so fixed polling is measured at every phase, not only its best case. */
export function jobLengths(count: number): number[] {
  return Array.from({ length: count }, (_, k) => JOB_MS + Math.round((k * 500) / count));
}

interface Row {
  path: Path;
  /** Overhead (end to end minus the job length) at each job length. */
  overheads: number[];
  requests: number;
}

export async function measureOverhead(
  workspace: string,
  emulator: EmulatorProcess,
  lengths: number,
  log: (line: string) => void,
): Promise<Section & { figures: OverheadFigure[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'boards-bench-overhead-'));
  try {
    const all = paths(workspace, emulator, dir);
    await emulator.setJobDurationMs(0);
    for (const p of all) await p.run(); // warm-up: module loading, first connections
    const rows: Row[] = [];
    for (const path of all) {
      const row: Row = { path, overheads: [], requests: 0 };
      for (const jobMs of jobLengths(lengths)) {
        await emulator.setJobDurationMs(jobMs);
        await emulator.clearRequests();
        const started = performance.now();
        await path.run();
        row.overheads.push(performance.now() - started - jobMs);
        row.requests = Math.max(row.requests, (await emulator.requests()).length);
      }
      rows.push(row);
      log(`overhead ${path.generator} ${path.how}: ${row.overheads.map(millis).join(', ')}`);
    }
    await emulator.setJobDurationMs(0);
    return { title: 'Generation overhead: adapter vs SDK defaults', body: renderOverhead(rows, lengths), figures: overheadFigures(rows) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each adapter's median overhead and its SDK default's, for the goals section. */
function overheadFigures(rows: Row[]): OverheadFigure[] {
  return rows
    .filter((r) => r.path.adapter)
    .map(({ path, overheads, requests }) => {
      const sdk = rows.find((r) => r.path.generator === path.generator && r.path.sdkDefault);
      return {
        generator: path.generator,
        provider: path.provider,
        adapterMs: median(overheads),
        rangeMs: [Math.min(...overheads), Math.max(...overheads)] as [number, number],
        requests,
        sdkDefaultMs: sdk ? median(sdk.overheads) : undefined,
        missedBecause: path.missedBecause,
      };
    });
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function renderOverhead(rows: Row[], lengths: number): string {
  const medianOf = (generator: string, pick: (p: Path) => boolean | undefined) => {
    const row = rows.find((r) => r.path.generator === generator && pick(r.path));
    return row ? median(row.overheads) : undefined;
  };
  const body = rows.map(({ path, overheads, requests }) => {
    const base = medianOf(path.generator, (p) => p.adapter);
    return [
      path.generator,
      path.how,
      `**${millis(median(overheads))}**`,
      millis(mean(overheads)),
      `${millis(Math.min(...overheads))} - ${millis(Math.max(...overheads))}`,
      String(requests),
      path.adapter || base === undefined ? '1x (baseline)' : ratio(median(overheads), base),
      path.adapter
        ? overheadGoal(
            median(overheads),
            medianOf(path.generator, (p) => p.sdkDefault),
          )
        : path.sdkDefault
          ? 'the SDK default'
          : '',
    ];
  });
  return [
    `One generation end to end (submit, wait, download the output, write it to disk) against the emulator in its own process on loopback, for each provider the bench knows (\`OVERHEAD_PROVIDERS\` in tools/bench/src/overhead.ts). The emulator's simulated provider time is ${JOB_MS} ms, spread over one poll period (${jobLengths(lengths).join(', ')} ms: one run each, after one warm-up per path), because a fixed poll is only on time when the job length happens to be a multiple of it. Overhead = end to end minus the job length; the ratio compares medians. HTTP requests: the most one generation made, output download included. Goals: overhead at most ${OVERHEAD_GOAL_MS} ms (median) and at least ${OVERHEAD_GOAL_RATIO}x less than the SDK's default way to wait.`,
    '',
    table(['generator', 'path', 'overhead (median)', 'mean', 'range', 'HTTP requests', 'overhead vs adapter', 'goal'], body, [
      'l',
      'l',
      'r',
      'r',
      'r',
      'r',
      'r',
      'l',
    ]),
    '',
    "A fixed 500 ms poll finds a finished job 0-500 ms late (250 ms on average); a blocking `Prefer: wait` create answers when the job ends, and so does fal's status stream (an event the moment the status changes). OpenAI's API is one blocking call: the SDK has no polling for the adapter to beat, so its ratio stays near 1x whatever the adapter does.",
  ].join('\n');
}
