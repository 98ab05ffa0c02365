import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Replicate from 'replicate';
import { createFalClient } from '@fal-ai/client';
import { createGeneratorContext, type AnyGenerator } from '@boards/core';
import { rewriteFalUrl } from '@boards/emulator';
import { LocalArtifactStore } from '@boards/storage';
import type { EmulatorProcess } from './emulator-process';
import { generatorLoader } from './generators';
import { table, type Section } from './markdown';
import { median, millis, ratio } from './stats';

/** Simulated provider work per job. Everything a call takes beyond it is overhead. */
export const JOB_MS = 2000;

interface Path {
  generator: string;
  how: string;
  adapter: boolean;
  run(): Promise<void>;
}

async function bytesOf(output: unknown): Promise<Uint8Array> {
  const first = Array.isArray(output) ? output[0] : output;
  if (first && typeof first === 'object' && 'blob' in first) return new Uint8Array(await (await (first as { blob(): Promise<Blob> }).blob()).arrayBuffer());
  const response = await fetch(String(first));
  if (!response.ok) throw new Error(`output download: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function paths(workspace: string, emulator: EmulatorProcess, dir: string): Path[] {
  const { ids, load } = generatorLoader(workspace);
  const store = new LocalArtifactStore({ root: join(dir, 'store') });
  const viaAdapter = (generator: AnyGenerator) => async () => {
    await generator.generate(generator.cheapestInput, createGeneratorContext({ generatorId: generator.id, store }));
  };
  // What an app would write without the adapter: the SDK's defaults, then download and save the file.
  const save = (bytes: Uint8Array) => writeFileSync(join(dir, `sdk-${Math.random().toString(36).slice(2)}.bin`), bytes);
  const replicate = new Replicate({ auth: 'r8_bench_dummy_token_000000', baseUrl: emulator.baseUrls.replicate });
  const fal = createFalClient({
    credentials: 'bench-dummy-id:bench-dummy-secret',
    suppressLocalCredentialsWarning: true,
    requestMiddleware: async (request) => ({ ...request, url: rewriteFalUrl(request.url, emulator.baseUrls.fal) }),
  });
  const out: Path[] = [];
  if (ids.includes('flux-pro')) {
    const flux = load('flux-pro');
    const input = flux.parseInput(flux.cheapestInput) as Record<string, unknown>;
    out.push(
      { generator: 'flux-pro', how: 'adapter (`Prefer: wait`, then polls from 100 ms growing to 500 ms)', adapter: true, run: viaAdapter(flux) },
      {
        generator: 'flux-pro',
        how: 'replicate SDK `predictions.create` + `wait()` (polls every 500 ms)',
        adapter: false,
        async run() {
          const created = await replicate.predictions.create({ model: flux.model, input });
          save(await bytesOf((await replicate.wait(created, {})).output));
        },
      },
      {
        generator: 'flux-pro',
        how: 'replicate SDK `run()` (its default since 1.0: blocking `Prefer: wait`)',
        adapter: false,
        run: async () => save(await bytesOf(await replicate.run(flux.model as `${string}/${string}`, { input }))),
      },
    );
  }
  if (ids.includes('nano-banana')) {
    const banana = load('nano-banana');
    const input = banana.parseInput(banana.cheapestInput) as Record<string, unknown>;
    out.push(
      { generator: 'nano-banana', how: 'adapter (status at once, then from 100 ms growing to 500 ms)', adapter: true, run: viaAdapter(banana) },
      {
        generator: 'nano-banana',
        how: 'fal client `subscribe()` (polls every 500 ms)',
        adapter: false,
        async run() {
          const result = await fal.subscribe(banana.model, { input });
          save(await bytesOf((result.data as { images: Array<{ url: string }> }).images[0].url));
        },
      },
    );
  }
  return out;
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
    return { title: 'Generation overhead: adapter vs SDK defaults', body: renderOverhead(rows, lengths) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function renderOverhead(rows: Row[], lengths: number): string {
  const baseline = (generator: string) => rows.find((r) => r.path.generator === generator && r.path.adapter);
  const body = rows.map(({ path, overheads, requests }) => {
    const base = baseline(path.generator);
    return [
      path.generator,
      path.how,
      `**${millis(median(overheads))}**`,
      millis(mean(overheads)),
      `${millis(Math.min(...overheads))} - ${millis(Math.max(...overheads))}`,
      String(requests),
      path.adapter || !base ? '1x (baseline)' : ratio(median(overheads), median(base.overheads)),
    ];
  });
  return [
    `One generation end to end (submit, wait, download the output, write it to disk) against the emulator in its own process on loopback. The emulator's simulated provider time is ${JOB_MS} ms, spread over one poll period (${jobLengths(lengths).join(', ')} ms: one run each, after one warm-up per path), because a fixed poll is only on time when the job length happens to be a multiple of it. Overhead = end to end minus the job length; the ratio compares medians. HTTP requests: the most one generation made, output download included.`,
    '',
    table(['generator', 'path', 'overhead (median)', 'mean', 'range', 'HTTP requests', 'overhead vs adapter'], body, ['l', 'l', 'r', 'r', 'r', 'r', 'r']),
    '',
    'A fixed 500 ms poll finds a finished job 0-500 ms late (250 ms on average); a blocking `Prefer: wait` create answers when the job ends; the adapters poll from 100 ms growing to 500 ms, so they notice a job no later than a fixed 500 ms poll and short jobs sooner.',
  ].join('\n');
}
