import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGeneratorContext, type BenchSdkEnv, type BenchSdkPath } from '@boards/core';
import { LocalArtifactStore } from '@boards/storage';
import { adapterSettings, type EmulatorProcess } from './emulator-process';
import { generatorLoader } from './generators';
import { table, type Section } from './markdown';
import { benchedProviders, type BenchedProvider } from './providers';
import { median, millis, ratio } from './stats';

/** Simulated provider work per job. Everything a call takes beyond it is overhead. */
export const JOB_MS = 2000;

interface Path {
  generator: string;
  how: string;
  adapter: boolean;
  /** The SDK's default way to wait: the adapter's ratio is measured against it. */
  sdkDefault?: boolean;
  run(): Promise<void>;
}

async function bytesOf(output: unknown): Promise<Uint8Array> {
  const first = Array.isArray(output) ? output[0] : output;
  if (first && typeof first === 'object' && 'blob' in first) return new Uint8Array(await (await (first as { blob(): Promise<Blob> }).blob()).arrayBuffer());
  const response = await fetch(String(first));
  if (!response.ok) throw new Error(`output download: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The provider's SDK paths (its descriptor's `bench.sdkPaths` module), none when it has no SDK. */
async function sdkPathsOf(provider: BenchedProvider, env: BenchSdkEnv): Promise<BenchSdkPath[]> {
  if (!provider.bench.sdkPaths) return [];
  const module = (await import(provider.bench.sdkPaths)) as { sdkPaths(env: BenchSdkEnv): BenchSdkPath[] };
  return module.sdkPaths(env);
}

async function paths(workspace: string, emulator: EmulatorProcess, dir: string): Promise<Path[]> {
  const { ids, load } = generatorLoader(workspace);
  const store = new LocalArtifactStore({ root: join(dir, 'store') });
  // What an app would write without the adapter: the SDK's defaults, then download and save the file.
  const save = (bytes: Uint8Array) => writeFileSync(join(dir, `sdk-${Math.random().toString(36).slice(2)}.bin`), bytes);
  const settings = adapterSettings(emulator);
  const all: Path[] = [];
  for (const provider of benchedProviders(workspace).filter((p) => ids.includes(p.bench.generator))) {
    const generator = load(provider.bench.generator);
    const input = generator.parseInput(generator.cheapestInput) as Record<string, unknown>;
    const viaAdapter = async () => {
      await generator.generate(generator.cheapestInput, createGeneratorContext({ generatorId: generator.id, store, settings }));
    };
    const env = { baseUrl: emulator.baseUrls[provider.name], apiKey: provider.emulatorKey, model: generator.model, input, bytesOf, save };
    all.push(
      { generator: generator.id, how: provider.bench.adapterWait, adapter: true, run: viaAdapter },
      ...(await sdkPathsOf(provider, env)).map((p) => ({ ...p, generator: generator.id, adapter: false })),
    );
  }
  return all;
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

export async function measureOverhead(workspace: string, emulator: EmulatorProcess, lengths: number, log: (line: string) => void): Promise<Section> {
  const dir = mkdtempSync(join(tmpdir(), 'boards-bench-overhead-'));
  try {
    const all = await paths(workspace, emulator, dir);
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
    const measured = new Set(rows.map((r) => r.path.generator));
    const notes = benchedProviders(workspace).flatMap((p) => (p.bench.note && measured.has(p.bench.generator) ? [p.bench.note] : []));
    return { title: 'Generation overhead: adapter vs SDK defaults', body: renderOverhead(rows, lengths, notes) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function renderOverhead(rows: Row[], lengths: number, notes: string[]): string {
  const adapterMedian = (generator: string) => {
    const row = rows.find((r) => r.path.generator === generator && r.path.adapter);
    return row ? median(row.overheads) : undefined;
  };
  const body = rows.map(({ path, overheads, requests }) => {
    const base = adapterMedian(path.generator);
    return [
      path.generator,
      path.how,
      `**${millis(median(overheads))}**`,
      millis(mean(overheads)),
      `${millis(Math.min(...overheads))} - ${millis(Math.max(...overheads))}`,
      String(requests),
      path.adapter || base === undefined ? '1x (baseline)' : ratio(median(overheads), base),
      path.sdkDefault ? 'the SDK default' : '',
    ];
  });
  return [
    `One generation end to end (submit, wait, download the output, write it to disk) against the emulator in its own process on loopback, for each installed adapter whose descriptor has \`bench\` facts (the generator it runs, how the adapter waits, the SDK's own ways). The emulator's simulated provider time is ${JOB_MS} ms, spread over one poll period (${jobLengths(lengths).join(', ')} ms: one run each, after one warm-up per path), because a fixed poll is only on time when the job length happens to be a multiple of it. Overhead = end to end minus the job length; the ratio compares medians. HTTP requests: the most one generation made, output download included.`,
    '',
    table(['generator', 'path', 'overhead (median)', 'mean', 'range', 'HTTP requests', 'overhead vs adapter', ''], body, [
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
    [
      'A fixed 500 ms poll finds a finished job 0-500 ms late (250 ms on average); a blocking create or a status stream answers when the job ends.',
      ...notes,
    ].join(' '),
  ].join('\n');
}
