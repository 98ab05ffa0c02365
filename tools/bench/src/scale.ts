/**
 * `npm run bench -- --scale`: the test rig at a hundred generators. In a snapshot of the working
 * tree it times the unit suite with today's generators, scaffolds generator packages with the
 * plugin's own generator (called directly on an FsTree: the same files `nx g @boards/tools:generator`
 * writes) until there are `count`, cycling through the installed adapters' scaffold examples, and
 * times the suite again: cold, cached, one generator, `nx affected -t test` after an adapter change,
 * `nx show projects`, and whether an eslint-only lock-file change keeps the test cache.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProviderPackages, providerDescriptors } from '@boards/core';
import { exec, nx, tail } from './exec';
import { measureMarginal } from './marginal';
import { table, type Section } from './markdown';
import { scaffoldExamples, type ProviderExample } from './providers';
import { git } from './snapshot';
import { median, millis, ratio, seconds } from './stats';
import { runSuite, tasksFromProfile, type SuiteRun } from './suite';

export const SCALE_TITLE = 'Scale: the test rig at 100 generators';

/** The generator whose run alone the marginal cost is measured against (as ../shared/acceptance/speed does). */
const MARGINAL_GENERATOR = 'flux-pro';

interface Tree {
  listChanges(): unknown[];
  read(path: string, encoding: 'utf-8'): string | null;
  write(path: string, content: string): void;
}
type GeneratorFn = (tree: Tree, schema: Record<string, unknown>) => Promise<unknown>;

function generatorPackages(workspace: string): string[] {
  return readdirSync(join(workspace, 'packages')).filter((dir) => {
    try {
      return typeof JSON.parse(readFileSync(join(workspace, 'packages', dir, 'package.json'), 'utf8')).boards?.generator === 'string';
    } catch {
      return false;
    }
  });
}

/** Scaffolds packages of `examples`, in turn, until there are `count` generators; each gets its own id and (for prompts) its own cheapest input. */
export async function scaffoldGenerators(workspace: string, count: number, examples: readonly ProviderExample[]): Promise<string[]> {
  if (examples.length === 0) throw new Error("no installed adapter describes a scaffold example (its descriptor's scaffold.examples)");
  // The snapshot's own plugin sources (compiled on load by the bench's @swc-node/register).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { FsTree, flushChanges } = require(join(workspace, 'node_modules/nx/dist/src/generators/tree.js')) as {
    FsTree: new (root: string, verbose: boolean) => Tree;
    flushChanges: (root: string, changes: unknown[]) => void;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generatorGenerator } = require(join(workspace, 'tools/plugin/src/generators/generator/generator.ts')) as { generatorGenerator: GeneratorFn };
  const tree = new FsTree(workspace, false);
  const made: string[] = [];
  for (let n = generatorPackages(workspace).length + 1; n <= count; n++) {
    // Each example's price, when it has one, is a placeholder: these packages live only in the snapshot.
    const spec = examples[(n - 1) % examples.length];
    const name = `scale-${String(n).padStart(3, '0')}-${spec.provider}-${spec.artifact}`;
    await generatorGenerator(tree, { name, ...spec, skipInstall: true });
    const file = `packages/${name}/src/${name}.generator.ts`;
    const source = tree.read(file, 'utf-8') ?? '';
    // Its own input: the cheapest prompt names the package (text-to-speech and transcription keep theirs: their price depends on it).
    tree.write(file, source.replace(/(cheapestInput: \{ prompt: '[^']*)'/, `$1 (${name})'`));
    made.push(name);
  }
  flushChanges(workspace, tree.listChanges());
  return made;
}

interface Timed {
  ms: number;
  code: number | null;
}

async function medianOf(runs: number, fn: () => Promise<Timed>): Promise<Timed & { all: number[] }> {
  const results: Timed[] = [];
  for (let i = 0; i < runs; i++) results.push(await fn());
  return { ms: median(results.map((r) => r.ms)), code: results.find((r) => r.code !== 0)?.code ?? 0, all: results.map((r) => r.ms) };
}

const failing = (run: SuiteRun) => run.tasks.filter((t) => t.status === 'failure').map((t) => t.project);
const ranTasks = (run: SuiteRun) => run.tasks.filter((t) => !/cache/.test(t.status)).length;

export interface ScaleOptions {
  count: number;
  cachedRuns: number;
}

export async function measureScale(workspace: string, stateDir: string, options: ScaleOptions, log: (line: string) => void): Promise<Section> {
  const state = (name: string) => ({ NX_CACHE_DIRECTORY: join(stateDir, name, 'cache'), NX_WORKSPACE_DATA_DIRECTORY: join(stateDir, name, 'workspace-data') });
  const before = generatorPackages(workspace).length;
  const small = state('today');
  const cold9 = await runSuite(workspace, 'cold', 9, small);
  log(`scale: ${before} generators, cold ${seconds(cold9.wallMs)} (exit ${cold9.code})`);
  const cached9 = await medianOf(options.cachedRuns, async () => {
    const r = await runSuite(workspace, 'cached', 9, small, failing(cold9));
    return { ms: r.wallMs, code: r.code };
  });
  const show9 = await medianOf(options.cachedRuns, () => nx(workspace, ['show', 'projects'], small));
  const marginal9 = await measureMarginal(workspace, small, MARGINAL_GENERATOR, options.cachedRuns);
  log(`scale: ${marginal9.generators} generators, one more costs ${millis(marginal9.marginalCpuMs)} of CPU`);

  const examples = scaffoldExamples(providerDescriptors(workspace));
  let started = performance.now();
  const made = await scaffoldGenerators(workspace, options.count, examples);
  const scaffoldMs = performance.now() - started;
  // What a developer runs after adding generators: the README's catalogue block and CATALOGUE.generated.md follow.
  const catalogue = await exec(process.execPath, ['tools/plugin/scripts/catalogue.js', '--write'], { cwd: workspace });
  if (catalogue.code !== 0) throw new Error(`catalogue.js --write failed: ${tail(catalogue)}`);
  await git(workspace, ['add', '-A']);
  await git(workspace, ['commit', '-q', '--no-verify', '-m', `bench: ${made.length} scaffolded generators`]);
  const total = generatorPackages(workspace).length;
  log(`scale: scaffolded ${made.length} packages in ${seconds(scaffoldMs)} (${total} generators)`);

  const large = state('scale');
  const cold = await runSuite(workspace, 'cold', options.count, large);
  log(`scale: ${total} generators, cold ${seconds(cold.wallMs)} (exit ${cold.code}; failed: ${failing(cold).join(', ') || 'none'})`);
  const cached = await medianOf(options.cachedRuns, async () => {
    const r = await runSuite(workspace, 'cached', options.count, large, failing(cold));
    return { ms: r.wallMs, code: r.code };
  });
  const show = await medianOf(options.cachedRuns, () => nx(workspace, ['show', 'projects'], large));
  const one = await medianOf(options.cachedRuns, () => nx(workspace, ['test', made[0] ?? 'flux-pro', '--skip-nx-cache'], large));
  log(`scale: cached ${seconds(cached.ms)}, show projects ${seconds(show.ms)}, nx test ${made[0]} ${seconds(one.ms)}`);
  const marginal = await measureMarginal(workspace, large, MARGINAL_GENERATOR, options.cachedRuns);
  log(`scale: ${marginal.generators} generators, one more costs ${millis(marginal.marginalCpuMs)} of CPU`);

  // An eslint-only package changes in the lock file: the test tasks keep their cache.
  const lockPath = join(workspace, 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  lock.packages['node_modules/typescript-eslint'].version = '8.999.0';
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  await git(workspace, ['commit', '-q', '--no-verify', '-am', 'bench: bump an eslint-only package in the lock file']);
  const afterLock = await runSuite(workspace, 'cached', 1000, large, failing(cold));
  log(`scale: after an eslint-only lock change ${ranTasks(afterLock)} of ${afterLock.tasks.length} test tasks ran`);

  // An adapter change (the first example's provider): `nx affected -t test` runs its generators, the adapter and the tools that depend on them.
  const touched = examples[0].provider;
  const adapter = findProviderPackages(workspace).find((p) => p.name === touched);
  if (!adapter) throw new Error(`no adapter package of ${touched} in ${workspace}`);
  appendFileSync(join(adapter.dir, 'src/index.ts'), `\n// bench: a ${touched} adapter change\n`);
  await git(workspace, ['commit', '-q', '--no-verify', '-am', `bench: touch the ${touched} adapter`]);
  started = performance.now();
  const affected = await nx(
    workspace,
    ['affected', '-t', 'test', '--base=HEAD~1', '--head=HEAD'],
    { ...large, NX_PROFILE: 'tmp/bench-scale-affected.json' },
    30 * 60_000,
  );
  const affectedMs = performance.now() - started;
  const profile = join(workspace, 'tmp/bench-scale-affected.json');
  const affectedTasks = existsSync(profile) ? tasksFromProfile(JSON.parse(readFileSync(profile, 'utf8'))).length : NaN;
  log(`scale: nx affected -t test after a ${touched} change: ${seconds(affectedMs)} (${affectedTasks} tasks, exit ${affected.code})`);

  const rows: string[][] = [
    ['`nx run-many -t test`, cold (every task runs)', seconds(cold9.wallMs), seconds(cold.wallMs), ratio(cold.wallMs, cold9.wallMs, 2), ''],
    [
      '  tasks run / failed',
      `${cold9.tasks.length} / ${failing(cold9).length}`,
      `${cold.tasks.length} / ${failing(cold).length}`,
      '',
      failing(cold).length ? `failing: ${failing(cold).join(', ')}` : '',
    ],
    [
      `CPU of one more generator (\`--projects=tag:generator --skip-nx-cache\` minus \`nx test ${MARGINAL_GENERATOR}\`, over the others)`,
      millis(marginal9.marginalCpuMs),
      millis(marginal.marginalCpuMs),
      ratio(marginal.marginalCpuMs, marginal9.marginalCpuMs, 2),
      `${ratio(marginal9.marginalCpuMs, marginal9.oneCpuMs, 2)} and ${ratio(marginal.marginalCpuMs, marginal.oneCpuMs, 2)} of \`nx test ${MARGINAL_GENERATOR}\`'s CPU (${seconds(marginal9.oneCpuMs)}, ${seconds(marginal.oneCpuMs)})${
        [...marginal9.failures, ...marginal.failures].length ? `; failed: ${[...marginal9.failures, ...marginal.failures].join(', ')}` : ''
      }`,
    ],
    ['`nx run-many -t test`, everything cached', seconds(cached9.ms), seconds(cached.ms), ratio(cached.ms, cached9.ms, 2), ''],
    ['`nx show projects`', seconds(show9.ms), seconds(show.ms), ratio(show.ms, show9.ms, 2), ''],
    [`\`nx test ${made[0]} --skip-nx-cache\` (one scaffolded generator)`, '-', seconds(one.ms), '', ''],
    [
      `\`nx affected -t test\` after a ${touched} adapter change`,
      '-',
      `${seconds(affectedMs)} (${affectedTasks} tasks)`,
      '',
      affected.code === 0 ? '' : `exit ${affected.code}: ${tail(affected)}`,
    ],
    ['test tasks run after an eslint-only lock-file change', '-', `${ranTasks(afterLock)} of ${afterLock.tasks.length}`, '', ''],
  ];
  return {
    title: SCALE_TITLE,
    body: [
      `In a snapshot of the working tree: ${before} generators as they are, then ${made.length} more scaffolded by the plugin's generator (${seconds(scaffoldMs)} for all of them, on one FsTree, no \`npm install\`), cycling through the installed adapters' scaffold examples, ${examples.map((m) => `${m.provider} ${m.artifact} (\`${m.model}\`)`).join(', ')}, each with its own id and, for the prompt starters, its own cheapest input. Each column's cold run has an empty Nx cache and workspace data; cached figures are the median of ${options.cachedRuns} runs right after, as are \`nx show projects\` and the one-generator run. Run it with \`npm run bench -- --scale\` (\`BENCH_SCALE_COUNT\`, default 100): it rewrites only this section. It is not part of .ci/run (about 8 minutes on a quiet 2-core machine, 30 under load).`,
      '',
      table(['', `${before} generators`, `${total} generators`, 'ratio', 'note'], rows, ['l', 'r', 'r', 'r', 'l']),
      '',
      `Cold runs: ${cold9.tasks.length} and ${cold.tasks.length} test tasks, exit codes ${cold9.code} and ${cold.code}.` +
        (failing(cold).length ? ` Failing at ${total}: ${failing(cold).join(', ')}.` : ''),
    ].join('\n'),
  };
}

/** BENCHMARKS.md with `section` in place of its scale section (appended when there is none). */
export function withScaleSection(markdown: string, section: Section): string {
  const rendered = `## ${section.title}\n\n${section.body.trim()}\n`;
  const old = scaleSectionOf(markdown);
  if (!old) return `${markdown.trimEnd()}\n\n${rendered}`;
  const start = markdown.search(/^## Scale\b.*$/m);
  const afterHeading = start + markdown.slice(start).indexOf('\n');
  const next = markdown.slice(afterHeading).search(/^## /m);
  return `${markdown.slice(0, start)}${rendered}${next < 0 ? '' : `\n${markdown.slice(afterHeading + next)}`}`;
}

/** The scale section of BENCHMARKS.md as it stands (a full `npm run bench` keeps it), or undefined. */
export function scaleSectionOf(markdown: string): Section | undefined {
  const start = markdown.search(/^## Scale\b.*$/m);
  if (start < 0) return undefined;
  const rest = markdown.slice(start);
  const heading = rest.split('\n', 1)[0];
  const next = rest.slice(heading.length).search(/^## /m);
  const body = next < 0 ? rest.slice(heading.length) : rest.slice(heading.length, heading.length + next);
  return { title: heading.replace(/^## /, ''), body: body.trim() };
}
