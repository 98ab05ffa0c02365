/**
 * `npm run bench`: measures the unit suite (cold vs cached), one generator's loop and the cached
 * workspace, the adapters' overhead against the SDKs' default polling, emulator throughput,
 * scaffold-to-green time and the live spend `affected` saves, all on this machine in one run,
 * and writes BENCHMARKS.md at the root. It measures and prints; judging the figures is left to
 * whoever reads them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { measureAffected } from './affected';
import { startEmulatorProcess } from './emulator-process';
import { exec } from './exec';
import { measureLoop } from './loop';
import { renderSections, table, type Section } from './markdown';
import { measureOverhead } from './overhead';
import { measureScale, SCALE_TITLE, scaleSectionOf, withScaleSection } from './scale';
import { measureScaffold } from './scaffold';
import { makeSnapshot } from './snapshot';
import { seconds } from './stats';
import { measureSuite, type SuiteFigures } from './suite';
import { measureThroughput } from './throughput';

const root = resolve(__dirname, '../../..');
const SECTIONS = ['suite', 'loop', 'overhead', 'throughput', 'affected', 'scaffold'] as const;
type SectionId = (typeof SECTIONS)[number];

function settings(env: NodeJS.ProcessEnv) {
  const count = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not ${JSON.stringify(env[name])}`);
    return value;
  };
  const skip = new Set(
    (env.BENCH_SKIP ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  for (const s of skip) if (!SECTIONS.includes(s as SectionId)) throw new Error(`BENCH_SKIP: unknown section "${s}" (sections: ${SECTIONS.join(', ')})`);
  return {
    suiteRuns: { cold: count('BENCH_COLD_RUNS', 3), cached: count('BENCH_CACHED_RUNS', 3) },
    overheadLengths: count('BENCH_OVERHEAD_LENGTHS', 4),
    loopRuns: count('BENCH_LOOP_RUNS', 3),
    skip,
    keep: env.BENCH_KEEP === '1',
  };
}

async function machineFacts(): Promise<string> {
  const head = await exec('git', ['rev-parse', '--short', 'HEAD'], { cwd: root });
  const dirty = await exec('git', ['status', '--porcelain'], { cwd: root });
  const changed = dirty.stdout.split('\n').filter(Boolean).length;
  return table(
    ['fact', 'value'],
    [
      ['date', new Date().toISOString()],
      ['cores (`nproc`)', String(availableParallelism())],
      ['CPU', cpus()[0]?.model ?? 'unknown'],
      ['memory', `${(totalmem() / 2 ** 30).toFixed(1)} GiB`],
      ['OS', `${type()} ${release()}`],
      ['Node', process.version],
      ['commit', `${head.stdout.trim() || 'unknown'}${changed ? ` + ${changed} uncommitted paths (measured as they are)` : ''}`],
    ],
  );
}

/**
 * `npm run bench -- --scale`: only the scale section (slow: two cold runs of the unit suite, one
 * at 100 generators), rewritten in place in BENCHMARKS.md.
 */
async function mainScale(env: NodeJS.ProcessEnv): Promise<number> {
  const count = Number(env.BENCH_SCALE_COUNT ?? 100);
  if (!Number.isInteger(count) || count < 1) throw new Error(`BENCH_SCALE_COUNT must be a positive integer, not ${JSON.stringify(env.BENCH_SCALE_COUNT)}`);
  const cachedRuns = settings(env).suiteRuns.cached;
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const started = performance.now();
  log('copying the working tree to a snapshot for the scale run...');
  const snapshot = await makeSnapshot(root);
  let section: Section;
  try {
    section = await measureScale(snapshot.dir, snapshot.stateDir, { count, cachedRuns }, log);
  } catch (error) {
    log(`scale failed: ${error instanceof Error ? error.stack : String(error)}`);
    section = { title: SCALE_TITLE, body: `not measured: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    if (env.BENCH_KEEP === '1') log(`snapshot kept at ${snapshot.dir}`);
    else snapshot.remove();
  }
  const facts = `Measured by \`npm run bench -- --scale\` in ${seconds(performance.now() - started)} on ${new Date().toISOString()}, ${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min) when it ended.`;
  const file = join(root, 'BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : renderSections('Benchmarks', 'Run `npm run bench` for the other sections.', []);
  const scale = { title: section.title, body: `${facts}\n\n${section.body}` };
  writeFileSync(file, withScaleSection(current, scale));
  log(`wrote the scale section of ${file}`);
  return section.body.startsWith('not measured') ? 1 : 0;
}

export async function main(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  if (argv.includes('--scale')) return mainScale(env);
  const options = settings(env);
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const started = performance.now();
  const sections: Section[] = [];
  /** Runs a section and keeps what it printed; a skipped or failed section says so in its place. */
  const attempt = async (id: SectionId, title: string, fn: () => Promise<Section>): Promise<void> => {
    if (options.skip.has(id)) {
      sections.push({ title, body: `not measured: skipped with BENCH_SKIP=${id}` });
      return;
    }
    log(`${id}...`);
    try {
      sections.push(await fn());
    } catch (error) {
      log(`${id} failed: ${error instanceof Error ? error.stack : String(error)}`);
      sections.push({ title, body: `not measured: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  log('copying the working tree to a snapshot...');
  const snapshot = await makeSnapshot(root);
  // Nx shares one cache and database between checkouts of a repository (under ~/.nx): the
  // snapshot's Nx runs get their own (handed to each, not written to process.env), so the bench
  // neither reads the workspace's cache nor writes to it.
  const nxState = { NX_CACHE_DIRECTORY: join(snapshot.stateDir, 'cache'), NX_WORKSPACE_DATA_DIRECTORY: join(snapshot.stateDir, 'workspace-data') };
  try {
    // The loop section reads the suite's cold runs (its long suites' times).
    let suite: SuiteFigures | undefined;
    await attempt('suite', 'Unit suite: cold vs cached (`nx run-many -t test`)', async () => {
      const { figures, ...section } = await measureSuite(snapshot.dir, snapshot.stateDir, options.suiteRuns, log);
      suite = figures;
      return section;
    });
    // Before the sections that change the snapshot (affected commits a change to flux-pro): the suite's cache is still whole.
    await attempt('loop', "One generator's loop and the cached workspace", () => measureLoop(snapshot.dir, snapshot.stateDir, suite, options.loopRuns, log));
    const emulator = await startEmulatorProcess(snapshot.dir, 0);
    try {
      await attempt('overhead', 'Generation overhead: adapter vs SDK defaults', () => measureOverhead(snapshot.dir, emulator, options.overheadLengths, log));
      await attempt('throughput', 'Emulator throughput (generations per second)', () => measureThroughput(snapshot.dir, emulator, log));
    } finally {
      await emulator.stop();
    }
    await attempt('affected', 'Live spend selection: affected vs all', () => measureAffected(snapshot.dir, log, nxState));
    await attempt('scaffold', 'Scaffold to green tests', () => measureScaffold(snapshot.dir, log, nxState));
  } finally {
    if (options.keep) log(`snapshot kept at ${snapshot.dir}`);
    else snapshot.remove();
  }

  const intro = [
    `Measured by \`npm run bench\` (\`node tools/bench/run.js\`) in ${seconds(performance.now() - started)}; every figure and ratio below comes from this one run on this machine. Re-run it to refresh this file; it is generated, do not edit it by hand.`,
    '',
    await machineFacts(),
    '',
    'Reproduce: `npm ci && npm run bench` (settings: `BENCH_COLD_RUNS`, `BENCH_CACHED_RUNS`, `BENCH_LOOP_RUNS`, `BENCH_OVERHEAD_LENGTHS`, `BENCH_SKIP`, `BENCH_KEEP`; see tools/bench/README.md). The bench works on a snapshot copy of the working tree (`node_modules` included, its own git history and its own Nx cache), so the workspace, its `node_modules`, its Nx cache and its git history are left alone.',
  ].join('\n');
  // The scale section comes from its own, slower run (`npm run bench -- --scale`): kept as it is.
  const previous = existsSync(join(root, 'BENCHMARKS.md')) ? scaleSectionOf(readFileSync(join(root, 'BENCHMARKS.md'), 'utf8')) : undefined;
  writeFileSync(join(root, 'BENCHMARKS.md'), renderSections('Benchmarks', intro, [...sections, ...(previous ? [previous] : [])]));
  log(`wrote ${join(root, 'BENCHMARKS.md')} in ${seconds(performance.now() - started)}`);
  return sections.some((s) => s.body.startsWith('not measured') && !s.body.includes('BENCH_SKIP')) ? 1 : 0;
}
