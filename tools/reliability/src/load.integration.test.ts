/**
 * Hundreds of concurrent generations across every provider against one emulator, each with
 * its own context, all storing into one LocalArtifactStore root: nothing lost, nothing
 * duplicated, one provider job per generation, and memory that stays bounded.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { effectiveLifecycleStatus, type AnyGenerator, type GeneratorResult } from '@boards/core';
import type { EmulatedProvider } from '@boards/emulator';
import { createTestContext, useEmulator, type TestContext } from '@boards/testing';
import { discoverGenerators, generatorSnapshots } from './workspace';

const TOTAL = 300;
/**
 * Generations in flight at once. Each request waits for every other one in flight (one emulator,
 * one process), so with all 300 at once a starved CPU (a loaded CI machine) stretches single
 * requests past the adapters' own per-request deadlines; 64 keeps the concurrency high and each
 * request well inside them.
 */
const CONCURRENCY = 64;
/** Input variants per generator: up to 20, fewer in a large catalogue, so some generations always repeat one. */
const MAX_VARIANTS = 20;
/** Live heap may grow by this much over the run (the emulator's generated files are kept in memory too). */
const MAX_HEAP_GROWTH_MB = 256;
const MAX_RSS_MB = 1024;

const generators = discoverGenerators()
  .map((d) => d.generator)
  .filter((g) => effectiveLifecycleStatus(g.lifecycle) !== 'retired');
// Each generator runs about TOTAL / n times; one variant fewer than that leaves a repeat at any catalogue size below TOTAL.
const VARIANTS = Math.max(1, Math.min(MAX_VARIANTS, Math.floor(TOTAL / generators.length) - 1));

/** The generator's cheapest input, with its text changed by `variant` (equal variants mostly give equal files). */
function inputFor(generator: AnyGenerator, variant: number): Record<string, unknown> {
  const input = { ...(generator.cheapestInput as Record<string, unknown>) };
  const field = ['prompt', 'text'].find((f) => typeof input[f] === 'string');
  if (field) input[field] = `${input[field]} (variant ${variant})`;
  return input;
}

/** The request that creates a billed job (or, for OpenAI, is the billed call). */
const JOB_OPERATIONS: Record<EmulatedProvider, string[]> = { replicate: ['submit'], fal: ['submit'], openai: ['images', 'transcription'] };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe(`load: ${TOTAL} generations, ${CONCURRENCY} at a time, against one emulator`, () => {
  const emulator = useEmulator({ jobDurationMs: 150, snapshots: generatorSnapshots() });
  const root = mkdtempSync(join(tmpdir(), 'boards-load-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('stores every artifact once with the right hash, submits one job per generation, and stays within memory bounds', async () => {
    expect(generators.length).toBeGreaterThanOrEqual(3);
    for (const provider of ['replicate', 'fal', 'openai', 'files'] as const) {
      emulator.current.injectFault({ provider, kind: 'latency', latencyMs: 40, times: TOTAL / 3 });
    }
    // Ordered by variant, so the repeats of one generator and input are in flight together (racing to store one file).
    const planned = Array.from({ length: TOTAL }, (_, i) => ({
      generator: generators[i % generators.length],
      variant: Math.floor(i / generators.length) % VARIANTS,
    }));
    planned.sort((a, b) => a.variant - b.variant);
    const before = process.memoryUsage();
    const started = performance.now();
    const done: Array<{ generator: AnyGenerator; variant: number; ctx: TestContext; result: GeneratorResult; ms: number }> = [];
    let next = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const worker = async () => {
      while (next < planned.length) {
        const { generator, variant } = planned[next++];
        const ctx = createTestContext({ generatorId: generator.id, storageRoot: root, settings: emulator.settings });
        const t0 = performance.now();
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        const result = await generator.generate(inputFor(generator, variant), ctx).finally(() => inFlight--);
        done.push({ generator, variant, ctx, result, ms: performance.now() - t0 });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const wallMs = performance.now() - started;
    expect([done.length, maxInFlight]).toEqual([TOTAL, CONCURRENCY]);
    const after = process.memoryUsage();

    // Every generation returned artifacts whose files hold exactly the bytes they describe.
    const byPath = new Map<string, string>();
    for (const { result } of done) {
      expect(result.artifacts.length).toBeGreaterThan(0);
      for (const artifact of result.artifacts) {
        const path = fileURLToPath(artifact.storageUrl);
        const bytes = readFileSync(path);
        expect(bytes.length).toBe(artifact.sizeBytes);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(artifact.sha256);
        byPath.set(path, artifact.sha256);
      }
    }
    // Content addressing: identical outputs share one file. Every file on disk is some artifact's
    // (no temp file left behind, no copy) and every artifact's file is there. The same generator
    // with the same input (a repeat) stores nothing new, so there are at most as many files as
    // distinct generations (fewer where different generators answer with the same media).
    expect(filesUnder(root).sort()).toEqual([...byPath.keys()].sort());
    // One file per content for each generator (different generators may answer with the same media, each in its own place).
    const hashesOf = new Map<string, Map<string, string>>();
    for (const { generator, result } of done)
      for (const a of result.artifacts) hashesOf.set(generator.id, (hashesOf.get(generator.id) ?? new Map()).set(fileURLToPath(a.storageUrl), a.sha256));
    for (const [id, paths] of hashesOf) expect([id, new Set(paths.values()).size]).toEqual([id, paths.size]);
    const pathsOf = new Map<string, string[]>();
    for (const d of done) {
      const key = `${d.generator.id} ${d.variant}`;
      const paths = d.result.artifacts.map((a) => fileURLToPath(a.storageUrl)).join(',');
      pathsOf.set(key, [...(pathsOf.get(key) ?? []), paths]);
    }
    expect(pathsOf.size).toBeLessThan(TOTAL);
    expect([...pathsOf.values()].filter((paths) => new Set(paths).size !== 1)).toEqual([]);
    const distinctArtifacts = [...pathsOf.values()].reduce((n, [paths]) => n + paths.split(',').length, 0);
    expect(byPath.size).toBeLessThanOrEqual(distinctArtifacts);

    // One provider job per generation: no duplicate submits, every job id distinct.
    for (const provider of ['replicate', 'fal', 'openai'] as const) {
      const expected = done.filter((d) => d.generator.provider === provider).length;
      const jobs = emulator.current.requestsFor(provider).filter((r) => JOB_OPERATIONS[provider].includes(r.operation));
      expect([provider, jobs.length]).toEqual([provider, expected]);
    }
    const jobIds = done.flatMap((d) => d.ctx.providerJobs.map((j) => j.jobId));
    expect(new Set(jobIds).size).toBe(jobIds.length);
    for (const d of done) expect(d.ctx.providerJobs.length).toBe(d.generator.provider === 'openai' ? 0 : 1);

    const heapGrowthMb = (after.heapUsed - before.heapUsed) / 2 ** 20;
    const rssMb = after.rss / 2 ** 20;
    const latencies = done.map((d) => d.ms).sort((a, b) => a - b);
    process.stdout.write(
      `load: ${TOTAL} generations, ${CONCURRENCY} in flight (${generators.map((g) => g.id).join(', ')}) in ${(wallMs / 1000).toFixed(2)} s = ${((TOTAL * 1000) / wallMs).toFixed(1)}/s; ` +
        `latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms; ` +
        `${byPath.size} distinct files; heap ${(before.heapUsed / 2 ** 20).toFixed(0)} -> ${(after.heapUsed / 2 ** 20).toFixed(0)} MB (${heapGrowthMb >= 0 ? '+' : ''}${heapGrowthMb.toFixed(0)}), rss ${rssMb.toFixed(0)} MB\n`,
    );
    expect(heapGrowthMb).toBeLessThan(MAX_HEAP_GROWTH_MB);
    expect(rssMb).toBeLessThan(MAX_RSS_MB);
  }, 50_000);
});
