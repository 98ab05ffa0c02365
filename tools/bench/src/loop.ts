/**
 * One generator's loop and the cached workspace, measured the way `../shared/acceptance/speed`
 * measures it: `npx nx test flux-pro --skip-nx-cache`, flux-pro's jest run against a one-test
 * jest run in the same package, the cached whole workspace with and without npx, and npx's own
 * start-up so a miss can be split into npx, Nx and jest. It also times every test of the
 * generator packages and the libs (jest `--json`), and takes the long suites' jest time from
 * the unit suite's cold runs.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { exec, NX_ENV, tail, type ExecResult } from './exec';
import { measureMarginal, renderMarginal, type MarginalFigures } from './marginal';
import { table, type Section } from './markdown';
import { median, millis, ratio, seconds } from './stats';
import { failedProjects, runSuite, type SuiteFigures, type SuiteRun } from './suite';

export const LOOP_TITLE = "One generator's loop and the cached workspace";
/** The generator whose loop is timed (the one the acceptance script names). */
export const LOOP_GENERATOR = 'flux-pro';
/** A test that takes this long or more is listed as slow. */
export const SLOW_TEST_MS = 1000;
/** The longer suites, each timed from its cold `test` task: Nx project name and what it is. */
export const LONG_SUITES: ReadonlyArray<{ project: string; name: string }> = [
  { project: 'reliability', name: 'reliability' },
  { project: 'cli', name: 'CLI' },
  { project: 'tools', name: 'plugin (tools)' },
];
/** Where the test trees are whose every test is timed (the generator packages and the libs). */
const TIMED_ROOTS = ['packages', 'libs'];
const PROBE = 'zz-bench-speed-probe.test.ts';
const PROBE_TEST = "it('adds', () => { expect(1 + 1).toBe(2); });\n";

export interface TestTime {
  /** The test file, relative to the workspace. */
  file: string;
  name: string;
  ms: number;
}

/** Per-test durations from a `jest --json` report (`duration` in ms; a test without one is left out). */
export function testsFromJestJson(report: unknown, workspace: string): TestTime[] {
  const files = (report as { testResults?: unknown })?.testResults;
  if (!Array.isArray(files)) return [];
  return files.flatMap((f: { name?: unknown; assertionResults?: unknown }) =>
    typeof f.name === 'string' && Array.isArray(f.assertionResults)
      ? f.assertionResults.flatMap((a: { fullName?: unknown; title?: unknown; duration?: unknown }) =>
          typeof a.duration === 'number' ? [{ file: relative(workspace, f.name as string), name: String(a.fullName ?? a.title), ms: a.duration }] : [],
        )
      : [],
  );
}

/** Per-file wall time from a `jest --json` report (`startTime` / `endTime`), slowest first. */
export function filesFromJestJson(report: unknown, workspace: string): Array<{ file: string; ms: number }> {
  const files = (report as { testResults?: unknown })?.testResults;
  if (!Array.isArray(files)) return [];
  return files
    .flatMap((f: { name?: unknown; startTime?: unknown; endTime?: unknown }) =>
      typeof f.name === 'string' && typeof f.startTime === 'number' && typeof f.endTime === 'number'
        ? [{ file: relative(workspace, f.name), ms: f.endTime - f.startTime }]
        : [],
    )
    .sort((a, b) => b.ms - a.ms);
}

/** Tests of `SLOW_TEST_MS` or more, slowest first. */
export function slowTests(tests: readonly TestTime[], limitMs = SLOW_TEST_MS): TestTime[] {
  return tests.filter((t) => t.ms >= limitMs).sort((a, b) => b.ms - a.ms);
}

/** A long suite's jest time: the median of its cold `test` task durations, and how many of those runs failed. */
export interface SuiteTime {
  project: string;
  name: string;
  ms: number;
  runs: number;
  failed: number;
}

export function longSuiteTimes(cold: readonly SuiteRun[]): SuiteTime[] {
  return LONG_SUITES.map(({ project, name }) => {
    const tasks = cold.flatMap((r) => r.tasks.filter((t) => t.project === project));
    return { project, name, ms: median(tasks.map((t) => t.ms)), runs: tasks.length, failed: tasks.filter((t) => t.status === 'failure').length };
  });
}

/** Where `longSuiteTimes` took its figures: the unit suite's cold runs. */
export function longSuiteSource(coldRuns: number): string {
  return `the unit suite section's ${coldRuns === 1 ? 'cold run (' : `${coldRuns} cold runs (median task time, `}Nx running 2 tasks at a time)`;
}

export interface LoopFigures {
  runs: number;
  /** `npx nx test flux-pro --skip-nx-cache`, and the same through `node_modules/.bin/nx`. */
  oneNpxMs: number;
  oneBinMs: number;
  /** `npx --no-install true`: npx's own start-up. */
  npxMs: number;
  /** `npx jest --config jest.config.js` in packages/flux-pro: all its tests, and one trivial probe test. */
  jestFullMs: number;
  jestOneMs: number;
  /** flux-pro's slowest test file (from its `--json` run). */
  slowestFile?: { file: string; ms: number };
  timedProjects: number;
  timedTests: number;
  slow: TestTime[];
  /** Projects whose `--json` run wrote no report. */
  untimed: string[];
  /** Timed runs that failed (their times count: a failing loop is no faster). */
  failures: string[];
  longSuites: SuiteTime[];
  /** Where the long suites' times come from. */
  longSource: string;
  /** `npx nx run-many -t test` with every task cached, and the same through the bin. */
  cachedNpxMs: number;
  cachedBinMs: number;
  /** Left out of the cached runs (failing, so never cached). */
  excluded: string[];
  /** CPU of one more generator in the generator suite (`--projects=tag:generator`), against one generator alone. */
  marginal: MarginalFigures;
  /** What the section took (after the cache was filled), and the part of it that timed every test. */
  sectionMs: number;
  timingMs: number;
}

/** The packages and libs with a jest config, as paths relative to the workspace (libs/providers/* included). */
export function jestProjects(workspace: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (!existsSync(join(workspace, dir))) return;
    for (const entry of readdirSync(join(workspace, dir), { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules') continue;
      const sub = `${dir}/${entry.name}`;
      if (existsSync(join(workspace, sub, 'jest.config.js'))) found.push(sub);
      else if (depth > 0) walk(sub, depth - 1);
    }
  };
  for (const root of TIMED_ROOTS) walk(root, 1);
  return found.sort();
}

/** The median wall time of `runs` runs; a run that fails is still timed, and named in `failures`. */
async function medianMs(runs: number, what: string, failures: string[], fn: () => Promise<ExecResult>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await fn();
    if (result.code !== 0) failures.push(`${what} exited ${result.code} (${tail(result, 2)})`);
    times.push(result.ms);
  }
  return median(times);
}

export async function measureLoop(
  workspace: string,
  stateDir: string,
  suite: SuiteFigures | undefined,
  runs: number,
  log: (line: string) => void,
): Promise<Section> {
  // The cache of the suite's last cold run holds every passing task; without the suite section, one run fills it here.
  let state = suite?.state;
  let cold = suite?.cold;
  let excluded = suite?.failing ?? [];
  let longSource = longSuiteSource(cold?.length ?? 0);
  if (!state || !cold) {
    state = { NX_CACHE_DIRECTORY: join(stateDir, 'loop', 'cache'), NX_WORKSPACE_DATA_DIRECTORY: join(stateDir, 'loop', 'workspace-data') };
    const warm: SuiteRun = await runSuite(workspace, 'cold', 0, state);
    log(`loop: filled the Nx cache with one nx run-many -t test: ${seconds(warm.wallMs)}`);
    cold = [warm];
    excluded = failedProjects(cold);
    longSource = 'one cold `nx run-many -t test` run of this section (the suite section was skipped; Nx running 2 tasks at a time)';
  }
  const sectionStarted = performance.now();
  const env = { ...NX_ENV, ...state };
  const npx = (args: string[], cwd = workspace) => exec('npx', args, { cwd, env, timeoutMs: 5 * 60_000 });
  const bin = (args: string[]) => exec(join(workspace, 'node_modules/.bin/nx'), args, { cwd: workspace, env, timeoutMs: 5 * 60_000 });
  const exclude = excluded.length ? [`--exclude=${excluded.join(',')}`] : [];
  const failures: string[] = [];

  // In the acceptance script's order: cached workspace, the one-generator run, the probe, the full jest run.
  const cachedNpxMs = await medianMs(runs, '`npx nx run-many -t test`', failures, () => npx(['nx', 'run-many', '-t', 'test', ...exclude]));
  const cachedBinMs = await medianMs(runs, '`nx run-many -t test`', failures, () => bin(['run-many', '-t', 'test', ...exclude]));
  const npxMs = await medianMs(runs, '`npx --no-install true`', failures, () => npx(['--no-install', 'true']));
  log(`loop: cached workspace ${seconds(cachedNpxMs)} with npx, ${seconds(cachedBinMs)} without; npx alone ${seconds(npxMs)}`);
  const oneNpxMs = await medianMs(runs, `\`npx nx test ${LOOP_GENERATOR}\``, failures, () => npx(['nx', 'test', LOOP_GENERATOR, '--skip-nx-cache']));
  const oneBinMs = await medianMs(runs, `\`nx test ${LOOP_GENERATOR}\``, failures, () => bin(['test', LOOP_GENERATOR, '--skip-nx-cache']));
  log(`loop: nx test ${LOOP_GENERATOR} --skip-nx-cache ${seconds(oneNpxMs)} with npx, ${seconds(oneBinMs)} without`);
  const marginal = await measureMarginal(workspace, state, LOOP_GENERATOR, runs);
  failures.push(...marginal.failures);
  log(
    `loop: one more generator ${millis(marginal.marginalCpuMs)} of CPU, ${ratio(marginal.marginalCpuMs, marginal.oneCpuMs, 2)} of nx test ${LOOP_GENERATOR}'s`,
  );

  const pkg = join(workspace, 'packages', LOOP_GENERATOR);
  const probe = join(pkg, 'src', PROBE);
  writeFileSync(probe, PROBE_TEST);
  let jestOneMs: number;
  try {
    jestOneMs = await medianMs(runs, 'the one-test jest run', failures, async () => {
      const result = await npx(['jest', '--config', 'jest.config.js', `src/${PROBE}`], pkg);
      // jest prints its summary on stderr: the run must have been the probe alone.
      if (result.code === 0 && !/Tests:\s+1 passed, 1 total/.test(result.stderr))
        failures.push(`the one-test jest run did not run exactly one test (${tail(result, 2)})`);
      return result;
    });
  } finally {
    rmSync(probe, { force: true });
  }
  const jestFullMs = await medianMs(runs, `${LOOP_GENERATOR}'s jest run`, failures, () => npx(['jest', '--config', 'jest.config.js'], pkg));
  log(`loop: ${LOOP_GENERATOR}'s jest run ${seconds(jestFullMs)}, one-test run ${seconds(jestOneMs)}`);

  // Every test of the packages and libs, timed by jest itself, one project at a time.
  const reports = join(stateDir, 'jest-json');
  mkdirSync(reports, { recursive: true });
  const tests: TestTime[] = [];
  const untimed: string[] = [];
  let slowestFile: LoopFigures['slowestFile'];
  const projects = jestProjects(workspace);
  const started = performance.now();
  for (const project of projects) {
    const out = join(reports, `${project.replace(/\//g, '_')}.json`);
    const result = await exec(
      process.execPath,
      [join(workspace, 'node_modules/jest/bin/jest.js'), '--config', 'jest.config.js', '--json', `--outputFile=${out}`],
      {
        cwd: join(workspace, project),
        env: { ...NX_ENV, BOARDS_TEST_TIER: 'unit' },
        timeoutMs: 5 * 60_000,
      },
    );
    if (result.code !== 0) failures.push(`\`jest --json\` in ${project} exited ${result.code}`);
    if (!existsSync(out)) {
      untimed.push(project);
      continue;
    }
    const report: unknown = JSON.parse(readFileSync(out, 'utf8'));
    tests.push(...testsFromJestJson(report, workspace));
    if (project === `packages/${LOOP_GENERATOR}`) slowestFile = filesFromJestJson(report, workspace)[0];
  }
  const slow = slowTests(tests);
  const timingMs = performance.now() - started;
  log(`loop: timed ${tests.length} tests in ${projects.length} projects in ${seconds(timingMs)}: ${slow.length} of ${SLOW_TEST_MS} ms or more`);

  const figures: LoopFigures = {
    runs,
    oneNpxMs,
    oneBinMs,
    npxMs,
    jestFullMs,
    jestOneMs,
    slowestFile,
    timedProjects: projects.length - untimed.length,
    timedTests: tests.length,
    slow,
    untimed,
    failures,
    longSuites: longSuiteTimes(cold),
    longSource,
    cachedNpxMs,
    cachedBinMs,
    excluded,
    marginal,
    sectionMs: performance.now() - sectionStarted,
    timingMs,
  };
  return { title: LOOP_TITLE, body: renderLoop(figures) };
}

/** npx's, Nx's and jest's shares of one `npx nx test`, by difference of the measured medians. */
export function decompose(f: Pick<LoopFigures, 'oneNpxMs' | 'oneBinMs' | 'npxMs' | 'jestFullMs'>): { npx: number; nx: number; jest: number } {
  const jest = f.jestFullMs - f.npxMs;
  return { npx: f.oneNpxMs - f.oneBinMs, nx: f.oneBinMs - jest, jest };
}

export function renderLoop(f: LoopFigures): string {
  const parts = decompose(f);
  const cached = f.excluded.length ? ` (without ${f.excluded.join(', ')}: failing in the suite's cold runs, so never cached)` : '';
  return [
    `In the snapshot, with every passing test task in the Nx cache (the unit suite's last cold run's, or one run of this section's own when the suite is skipped), each figure the median of ${f.runs} runs, measured as \`../shared/acceptance/speed\` measures them: the same commands, in the same order, the one-test run on a throwaway probe test written into the snapshot's packages/${LOOP_GENERATOR}/src (never the workspace's). "Without npx" runs \`node_modules/.bin/nx\`; npx's start-up is \`npx --no-install true\`.`,
    '',
    table(
      ['command', 'median', 'note'],
      [
        [
          `\`npx nx test ${LOOP_GENERATOR} --skip-nx-cache\``,
          `**${seconds(f.oneNpxMs)}**`,
          `npx ${seconds(parts.npx)}, Nx ${seconds(parts.nx)}, jest ${seconds(parts.jest)} (by difference)`,
        ],
        [`\`node_modules/.bin/nx test ${LOOP_GENERATOR} --skip-nx-cache\``, seconds(f.oneBinMs), 'without npx'],
        ['`npx --no-install true`', seconds(f.npxMs), "npx's own start-up"],
        [
          `\`npx jest --config jest.config.js\` in packages/${LOOP_GENERATOR}`,
          seconds(f.jestFullMs),
          f.slowestFile ? `slowest file ${f.slowestFile.file} ${seconds(f.slowestFile.ms)}` : '',
        ],
        [`the same with one trivial test file`, seconds(f.jestOneMs), `${ratio(f.jestFullMs, f.jestOneMs, 2)} of it for the full run`],
        [`\`npx nx run-many -t test\`, everything cached${cached}`, `**${seconds(f.cachedNpxMs)}**`, ''],
        ['`node_modules/.bin/nx run-many -t test`, everything cached', seconds(f.cachedBinMs), 'without npx'],
      ],
      ['l', 'r', 'l'],
    ),
    '',
    renderMarginal(f.marginal, LOOP_GENERATOR),
    '',
    `Every test of packages/* and libs/* timed by jest (\`--json\`, one project at a time, ${f.timedProjects} projects, ${f.timedTests} tests${f.untimed.length ? `; not timed, no report: ${f.untimed.join(', ')}` : ''}): ${
      f.slow.length ? `${f.slow.length} of ${SLOW_TEST_MS / 1000} s or more:` : `none of ${SLOW_TEST_MS / 1000} s or more.`
    }`,
    ...(f.slow.length
      ? [
          '',
          table(
            ['test file', 'test', 'time'],
            f.slow.map((t) => [t.file, t.name, seconds(t.ms)]),
            ['l', 'l', 'r'],
          ),
        ]
      : []),
    '',
    `The longer suites' jest time, from ${f.longSource}: ${f.longSuites
      .map((s) => `${s.name} ${seconds(s.ms)}${s.failed ? ` (failed in ${s.failed}/${s.runs})` : ''}`)
      .join(', ')}.`,
    ...(f.failures.length ? ['', `Failed while timed (still counted): ${f.failures.join('; ')}.`] : []),
    '',
    `This section took ${seconds(f.sectionMs)} of the bench (${seconds(f.timingMs)} of it timing every test).`,
  ].join('\n');
}
