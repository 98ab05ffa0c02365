import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGeneratorContext, type AnyGenerator } from '@boards/core';
import { LocalArtifactStore } from '@boards/storage';
import type { EmulatorProcess } from './emulator-process';
import { generatorLoader } from './generators';
import { table, type Section } from './markdown';
import { median, millis, percentile } from './stats';

export const CONCURRENCY = [1, 8, 64] as const;
const GENERATORS = ['flux-pro', 'nano-banana', 'whisper'];
/** Generations per cell: enough to keep every slot busy several times over. */
const countFor = (concurrency: number) => Math.max(16, 2 * concurrency);

interface Cell {
  perSecond: number;
  p50: number;
  p95: number;
}

/** Runs `total` generations, `concurrency` at a time, with inputs varied so outputs differ. */
async function measure(generator: AnyGenerator, store: LocalArtifactStore, concurrency: number, total: number): Promise<Cell> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const input = { ...(generator.cheapestInput as Record<string, unknown>) };
      if (typeof input.prompt === 'string') input.prompt = `${input.prompt} ${i}`;
      const started = performance.now();
      await generator.generate(input, createGeneratorContext({ generatorId: generator.id, store }));
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = performance.now() - started;
  return { perSecond: (total * 1000) / wall, p50: median(latencies), p95: percentile(latencies, 95) };
}

export async function measureThroughput(workspace: string, emulator: EmulatorProcess, log: (line: string) => void): Promise<Section> {
  const dir = mkdtempSync(join(tmpdir(), 'boards-bench-throughput-'));
  try {
    const { ids, load } = generatorLoader(workspace);
    const store = new LocalArtifactStore({ root: dir });
    await emulator.setJobDurationMs(0);
    const rows: string[][] = [];
    for (const id of GENERATORS.filter((g) => ids.includes(g))) {
      const generator = load(id);
      await measure(generator, store, 2, 4); // warm-up
      const cells: Cell[] = [];
      for (const c of CONCURRENCY) {
        cells.push(await measure(generator, store, c, countFor(c)));
        log(`throughput ${id} x${c}: ${cells[cells.length - 1].perSecond.toFixed(1)}/s`);
      }
      rows.push([`${id} (${generator.provider})`, ...cells.map((c) => c.perSecond.toFixed(1)), ...cells.map((c) => `${millis(c.p50)} / ${millis(c.p95)}`)]);
      await emulator.clearRequests();
    }
    return {
      title: 'Emulator throughput (generations per second)',
      body: [
        `Full generations through the generators (validation, the real SDK client over HTTP, output download, sha-256 and a write to a local store) against one emulator in its own process, with no simulated job time. ${CONCURRENCY.map((c) => `${countFor(c)} generations at ${c} concurrent`).join(', ')}; inputs vary so each output is new media.`,
        '',
        table(['generator', ...CONCURRENCY.map((c) => `${c} concurrent (/s)`), ...CONCURRENCY.map((c) => `p50 / p95 latency at ${c}`)], rows, [
          'l',
          ...CONCURRENCY.map(() => 'r' as const),
          ...CONCURRENCY.map(() => 'r' as const),
        ]),
        '',
        'The ceiling is CPU on this machine: the emulator synthesises a real PNG (1024x1024 for these inputs) or WAV per request while the client hashes and stores it.',
      ].join('\n'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
