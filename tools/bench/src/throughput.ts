import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGeneratorContext, type AnyGenerator } from '@boards/core';
import { LocalArtifactStore } from '@boards/storage';
import { adapterSettings, type EmulatorProcess } from './emulator-process';
import { generatorLoader } from './generators';
import { table, type Section } from './markdown';
import { benchedProviders } from './providers';
import { median, millis, percentile } from './stats';

export const CONCURRENCY = [1, 8, 64] as const;
/** Generations per cell: enough to keep every slot busy several times over. */
const countFor = (concurrency: number) => Math.max(16, 4 * concurrency);
/** Generations before the first cell, at the top concurrency: the emulator and the client reach steady state (modules loaded, code optimised) first. */
const WARM_UP = 128;

interface Cell {
  perSecond: number;
  p50: number;
  p95: number;
  /** Generations per second of the emulator's own CPU: what it sustains when its clients run elsewhere. */
  capacity?: number;
}

/** Runs `total` generations, `concurrency` at a time, with inputs varied so outputs differ. */
async function measure(generator: AnyGenerator, store: LocalArtifactStore, concurrency: number, total: number, emulator: EmulatorProcess): Promise<Cell> {
  const latencies: number[] = [];
  const settings = adapterSettings(emulator);
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const input = { ...(generator.cheapestInput as Record<string, unknown>) };
      if (typeof input.prompt === 'string') input.prompt = `${input.prompt} ${i}`;
      const started = performance.now();
      await generator.generate(input, createGeneratorContext({ generatorId: generator.id, store, settings }));
      latencies.push(performance.now() - started);
    }
  };
  const cpuBefore = emulator.cpuSeconds();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = performance.now() - started;
  const cpuAfter = emulator.cpuSeconds();
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return { perSecond: (total * 1000) / wall, p50: median(latencies), p95: percentile(latencies, 95), capacity: cpu ? total / cpu : undefined };
}

const top = () => CONCURRENCY[CONCURRENCY.length - 1];

export async function measureThroughput(workspace: string, emulator: EmulatorProcess, log: (line: string) => void): Promise<Section> {
  const dir = mkdtempSync(join(tmpdir(), 'boards-bench-throughput-'));
  try {
    const { ids, load } = generatorLoader(workspace);
    const store = new LocalArtifactStore({ root: dir });
    await emulator.setJobDurationMs(0);
    const rows: string[][] = [];
    // Each provider's bench generator (its descriptor's `bench.generator`).
    const generators = benchedProviders(workspace).map((p) => p.bench.generator);
    for (const id of generators.filter((g) => ids.includes(g))) {
      const generator = load(id);
      await measure(generator, store, CONCURRENCY[CONCURRENCY.length - 1], WARM_UP, emulator);
      const cells: Cell[] = [];
      for (const c of CONCURRENCY) {
        cells.push(await measure(generator, store, c, countFor(c), emulator));
        log(`throughput ${id} x${c}: ${cells[cells.length - 1].perSecond.toFixed(1)}/s (emulator CPU: ${cells[cells.length - 1].capacity?.toFixed(0)}/s)`);
      }
      const top = cells[cells.length - 1];
      rows.push([
        `${id} (${generator.provider})`,
        ...cells.map((c) => c.perSecond.toFixed(1)),
        top.capacity === undefined ? 'n/a' : `**${top.capacity.toFixed(0)}**`,
        ...cells.map((c) => `${millis(c.p50)} / ${millis(c.p95)}`),
      ]);
      await emulator.clearRequests();
    }
    return {
      title: 'Emulator throughput (generations per second)',
      body: [
        `Full generations through the generators (validation, the real SDK client over HTTP, output download, sha-256 and a write to a local store) against one emulator in its own process, with no simulated job time, after ${WARM_UP} warm-up generations. ${CONCURRENCY.map((c) => `${countFor(c)} generations at ${c} concurrent`).join(', ')}; inputs vary so each output is new media.`,
        '',
        table(
          [
            'generator',
            ...CONCURRENCY.map((c) => `${c} concurrent (/s)`),
            `emulator alone at ${top()} (/s of its CPU)`,
            ...CONCURRENCY.map((c) => `p50 / p95 latency at ${c}`),
          ],
          rows,
          ['l', ...CONCURRENCY.map(() => 'r' as const), 'r', ...CONCURRENCY.map(() => 'r' as const)],
        ),
        '',
        `"Emulator alone": generations per second of the emulator process's own CPU time (user + system, from /proc) in the ${top()}-concurrent run, the rate it sustains when its clients run on other cores. The wall-clock figures share this machine's cores between the emulator and the client (the real SDKs, the output check that inflates every PNG, sha-256 and the store's writes), which costs more CPU per generation than the emulator does. The emulator's PNGs are 16-colour palette images whose pixel data is compressed once per size (a new input costs its palette), and media is cached by input.`,
      ].join('\n'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
