/** The bench's goals (issue 13), and the cells that say whether a figure meets them. */
import { decompose, LONG_SUITES, LOOP_GENERATOR, SLOW_TEST_MS, slowFiles, type LoopFigures } from './loop';
import { table, tableRows } from './markdown';
import type { ScaleFigures } from './scale';
import { millis, ratio, seconds } from './stats';

/** The adapters' goals: overhead at most this (median) ... */
export const OVERHEAD_GOAL_MS = 25;
/** ... and at least this many times less than the SDK's default way to wait. */
export const OVERHEAD_GOAL_RATIO = 8;

/** The goal cell of an adapter row: each goal met, or missed and by how much. */
export function overheadGoal(adapterMs: number, sdkDefaultMs: number | undefined): string {
  const ms = adapterMs <= OVERHEAD_GOAL_MS ? `<= ${OVERHEAD_GOAL_MS} ms: met` : `<= ${OVERHEAD_GOAL_MS} ms: missed by ${millis(adapterMs - OVERHEAD_GOAL_MS)}`;
  if (sdkDefaultMs === undefined) return `${ms}; no SDK to compare`;
  const times = ratio(sdkDefaultMs, adapterMs);
  const better = adapterMs > 0 && sdkDefaultMs / adapterMs >= OVERHEAD_GOAL_RATIO;
  return `${ms}; >= ${OVERHEAD_GOAL_RATIO}x less than the SDK default: ${better ? 'met' : 'missed'} (${times})`;
}

/** The goal: generations per second at 64 concurrent, for each provider's generator. */
export const THROUGHPUT_GOAL = 500;

/** The goal cell: met by the wall-clock figure, or by the emulator alone, or missed (and by how much). */
export function throughputGoal(wallPerSecond: number, capacity: number | undefined): string {
  if (wallPerSecond >= THROUGHPUT_GOAL) return 'met';
  const client = `end to end missed by ${(THROUGHPUT_GOAL - wallPerSecond).toFixed(0)}/s`;
  if (capacity === undefined) return client;
  return capacity >= THROUGHPUT_GOAL
    ? `emulator alone: met; ${client} (client-bound)`
    : `emulator alone: missed by ${(THROUGHPUT_GOAL - capacity).toFixed(0)}/s; ${client}`;
}

/** Goal 1: 100 generators cold at most this many times the 9-generator cold time. */
export const COLD_RATIO_GOAL = 2;
/** Goal 2: `npx nx test flux-pro --skip-nx-cache` at most this long (median) ... */
export const LOOP_GOAL_MS = 2000;
/** ... its jest run at most this many times a one-test jest run ... */
export const JEST_RATIO_GOAL = 2;
/** ... and the longer suites each under this. */
export const LONG_SUITE_GOAL_MS = 30_000;
/** Goal 3: the cached whole workspace at most this long. */
export const CACHED_GOAL_MS = 1000;

export const GOALS_TITLE = 'Goals against their targets (issue 13)';

/** One row of the goals table. `goal` starts with the goal's number ("2. ..."). */
export interface GoalRow {
  goal: string;
  target: string;
  measured: string;
  status: string;
  /** For a miss: what the run measured that explains it (or a fact of the provider). */
  why: string;
}

/** An adapter's figures from the overhead section. */
export interface OverheadFigure {
  generator: string;
  provider: string;
  adapterMs: number;
  /** The adapter's fastest and slowest run, and the most HTTP requests one generation made. */
  rangeMs: [number, number];
  requests: number;
  sdkDefaultMs?: number;
  /** Why the goal cannot be met, when that is a fact of the provider (OVERHEAD_PROVIDERS). */
  missedBecause?: string;
}

/** A generator's figures from the throughput section, at the top concurrency. */
export interface ThroughputFigure {
  generator: string;
  provider: string;
  concurrency: number;
  perSecond: number;
  capacity?: number;
}

const verdict = (ok: boolean, by: string) => (ok ? 'met' : `**missed** by ${by}`);
const notMeasured = (goal: string, target: string, reason: string): GoalRow => ({ goal, target, measured: `not measured: ${reason}`, status: '-', why: '' });

/** Goal 1's rows (cold ratio, green at 100), from the scale section's figures. */
export function scaleGoalRows(scale: ScaleFigures | undefined, reason = 'BENCHMARKS.md has no scale section (`npm run bench -- --scale`)'): GoalRow[] {
  const coldGoal = '1. cold `nx run-many -t test`, 100 generators vs today';
  const greenGoal = '1. the suite green at 100 generators';
  if (!scale) return [notMeasured(coldGoal, `<= ${COLD_RATIO_GOAL}x`, reason), notMeasured(greenGoal, 'no failing test task', reason)];
  const r = scale.large.coldMs / scale.small.coldMs;
  const from = `scale run of ${scale.measuredAt}`;
  return [
    {
      goal: `1. cold \`nx run-many -t test\`, ${scale.large.generators} vs ${scale.small.generators} generators`,
      target: `<= ${COLD_RATIO_GOAL}x`,
      measured: `${ratio(scale.large.coldMs, scale.small.coldMs, 2)} (${seconds(scale.large.coldMs)} vs ${seconds(scale.small.coldMs)}; ${from})`,
      status: verdict(r <= COLD_RATIO_GOAL, `${(r - COLD_RATIO_GOAL).toFixed(2)}x`),
      why:
        r <= COLD_RATIO_GOAL
          ? ''
          : `${scale.large.tasks - scale.small.tasks} more test tasks add ${seconds(scale.large.coldMs - scale.small.coldMs)} (${seconds((scale.large.coldMs - scale.small.coldMs) / (scale.large.tasks - scale.small.tasks))} each)`,
    },
    {
      goal: `1. the suite green at ${scale.large.generators} generators`,
      target: 'no failing test task',
      measured: `${scale.large.failed} of ${scale.large.tasks} test tasks failed (${from})`,
      status: verdict(scale.large.failed === 0, `${scale.large.failed} failing`),
      why: scale.large.failed ? `failing: ${scale.failing.join(', ') || 'see the scale section'}` : '',
    },
  ];
}

/** Goal 6's row, from the scale section's lock-file row. */
export function cacheGoalRow(scale: ScaleFigures | undefined, reason = 'BENCHMARKS.md has no scale section (`npm run bench -- --scale`)'): GoalRow {
  const goal = '6. test tasks re-run after an eslint-only lock-file change';
  if (!scale || !Number.isFinite(scale.lockRan)) return notMeasured(goal, '0', reason);
  return {
    goal,
    target: '0',
    measured: `${scale.lockRan} of ${scale.lockOf} (scale run of ${scale.measuredAt})`,
    status: verdict(scale.lockRan === 0, `${scale.lockRan} tasks`),
    why: '',
  };
}

/** Goal 2's rows (the one-generator loop, the jest ratio, slow tests, the long suites) and goal 3's (the cached workspace). */
export function loopGoalRows(loop: LoopFigures | undefined, reason = 'the loop section did not run'): GoalRow[] {
  const oneGoal = `2. \`npx nx test ${LOOP_GENERATOR} --skip-nx-cache\` (median)`;
  const ratioGoal = `2. ${LOOP_GENERATOR}'s jest run vs a one-test jest run`;
  const slowGoal = `2. tests of ${SLOW_TEST_MS / 1000} s or more in packages/* and libs/*`;
  const cachedGoal = '3. cached `npx nx run-many -t test` (median)';
  if (!loop)
    return [
      notMeasured(oneGoal, `<= ${seconds(LOOP_GOAL_MS)}`, reason),
      notMeasured(ratioGoal, `<= ${JEST_RATIO_GOAL}x`, reason),
      notMeasured(slowGoal, 'none', reason),
      ...LONG_SUITES.map((s) => notMeasured(`2. ${s.name} suite`, `< ${seconds(LONG_SUITE_GOAL_MS)}`, reason)),
      notMeasured(cachedGoal, `<= ${seconds(CACHED_GOAL_MS)}`, reason),
    ];
  const parts = decompose(loop);
  const r = loop.jestFullMs / loop.jestOneMs;
  const files = slowFiles(loop.slow);
  const listed = files.slice(0, 3).map((f) => `${f.file}: ${f.count} (up to ${seconds(f.maxMs)})`);
  return [
    {
      goal: `${oneGoal.slice(0, -'(median)'.length)}(median of ${loop.runs})`,
      target: `<= ${seconds(LOOP_GOAL_MS)}`,
      measured: `${seconds(loop.oneNpxMs)}; without npx ${seconds(loop.oneBinMs)}${loop.failures.length ? `; ${loop.failures.length} timed run(s) failed (see the loop section)` : ''}`,
      status: verdict(loop.oneNpxMs <= LOOP_GOAL_MS, seconds(loop.oneNpxMs - LOOP_GOAL_MS)),
      why:
        loop.oneNpxMs <= LOOP_GOAL_MS
          ? ''
          : `npx ${seconds(parts.npx)}, Nx ${seconds(parts.nx)}, jest ${seconds(parts.jest)} (by difference)${loop.oneBinMs <= LOOP_GOAL_MS ? '; without npx: met' : ''}`,
    },
    {
      goal: ratioGoal,
      target: `<= ${JEST_RATIO_GOAL}x`,
      measured: `${seconds(loop.jestFullMs)} vs ${seconds(loop.jestOneMs)} = ${ratio(loop.jestFullMs, loop.jestOneMs, 2)}`,
      status: verdict(r <= JEST_RATIO_GOAL, `${(r - JEST_RATIO_GOAL).toFixed(2)}x`),
      why:
        r <= JEST_RATIO_GOAL
          ? ''
          : `its tests add ${seconds(loop.jestFullMs - loop.jestOneMs)} to a one-test run${loop.slowestFile ? `; slowest file ${loop.slowestFile.file} ${seconds(loop.slowestFile.ms)}` : ''}`,
    },
    {
      goal: slowGoal,
      target: 'none',
      measured: `${loop.slow.length} of ${loop.timedTests} tests (${loop.timedProjects} projects)${loop.untimed.length ? `; not timed (run failed): ${loop.untimed.join(', ')}` : ''}`,
      status: verdict(loop.slow.length === 0, `${loop.slow.length} test${loop.slow.length === 1 ? '' : 's'}`),
      why: files.length
        ? `${listed.join('; ')}${files.length > listed.length ? `; ${files.length - listed.length} more file${files.length - listed.length === 1 ? '' : 's'} (the loop section lists every test)` : ''}`
        : '',
    },
    ...loop.longSuites.map((s): GoalRow => ({
      goal: `2. ${s.name} suite (jest, cold)`,
      target: `< ${seconds(LONG_SUITE_GOAL_MS)}`,
      measured: `${seconds(s.ms)}${s.failed ? ` (failed in ${s.failed} of ${s.runs} runs)` : ''}`,
      status: Number.isFinite(s.ms) ? verdict(s.ms < LONG_SUITE_GOAL_MS, seconds(s.ms - LONG_SUITE_GOAL_MS)) : '-',
      why: s.ms < LONG_SUITE_GOAL_MS ? '' : `cold, from ${loop.longSource}`,
    })),
    {
      goal: `${cachedGoal.slice(0, -'(median)'.length)}(median of ${loop.runs})`,
      target: `<= ${seconds(CACHED_GOAL_MS)}`,
      measured: `${seconds(loop.cachedNpxMs)}; without npx ${seconds(loop.cachedBinMs)}${loop.excluded.length ? ` (failing, so left out: ${loop.excluded.join(', ')})` : ''}`,
      status: verdict(loop.cachedNpxMs <= CACHED_GOAL_MS, seconds(loop.cachedNpxMs - CACHED_GOAL_MS)),
      why:
        loop.cachedNpxMs <= CACHED_GOAL_MS
          ? ''
          : `npx start-up ${seconds(loop.npxMs)} of it (\`npx --no-install true\`); without npx ${loop.cachedBinMs <= CACHED_GOAL_MS ? 'met' : `still ${seconds(loop.cachedBinMs)}`}`,
    },
  ];
}

/** Goal 4's rows: each adapter's overhead against 25 ms and 8x less than the SDK default. */
export function overheadGoalRows(figures: readonly OverheadFigure[] | undefined, reason = 'the overhead section did not run'): GoalRow[] {
  const target = `<= ${OVERHEAD_GOAL_MS} ms; >= ${OVERHEAD_GOAL_RATIO}x less than the SDK default`;
  if (!figures?.length) return [notMeasured('4. adapter overhead (end to end minus the job)', target, reason)];
  return figures.map((f) => {
    const missed = f.adapterMs > OVERHEAD_GOAL_MS || (f.sdkDefaultMs !== undefined && f.sdkDefaultMs / f.adapterMs < OVERHEAD_GOAL_RATIO);
    return {
      goal: `4. ${f.provider} adapter overhead (${f.generator})`,
      target,
      measured: `${millis(f.adapterMs)}${f.sdkDefaultMs === undefined ? '' : `; SDK default ${millis(f.sdkDefaultMs)}`}`,
      status: missed ? `**missed**: ${overheadGoal(f.adapterMs, f.sdkDefaultMs)}` : 'met',
      why: missed
        ? (f.missedBecause ?? `${millis(f.rangeMs[0])} - ${millis(f.rangeMs[1])} over the job lengths, ${f.requests} HTTP requests a generation`)
        : '',
    };
  });
}

const perGeneration = (perSecond: number) => `${(1000 / perSecond).toFixed(2)} ms`;

/** Goal 5's rows: each provider's generator at the top concurrency against 500/s. */
export function throughputGoalRows(figures: readonly ThroughputFigure[] | undefined, reason = 'the throughput section did not run'): GoalRow[] {
  const target = `>= ${THROUGHPUT_GOAL}/s`;
  if (!figures?.length) return [notMeasured('5. emulator throughput', target, reason)];
  return figures.map((f) => {
    const met = f.perSecond >= THROUGHPUT_GOAL;
    return {
      goal: `5. ${f.generator} (${f.provider}) throughput at ${f.concurrency} concurrent`,
      target,
      measured: `${f.perSecond.toFixed(1)}/s end to end${f.capacity === undefined ? '' : `; ${f.capacity.toFixed(0)}/s of the emulator's own CPU`}`,
      status: met ? 'met' : `**missed**: ${throughputGoal(f.perSecond, f.capacity)}`,
      why:
        met || f.capacity === undefined
          ? ''
          : f.capacity >= THROUGHPUT_GOAL
            ? `a generation takes ${perGeneration(f.perSecond)} of the machine at ${f.concurrency} concurrent, ${perGeneration(f.capacity)} of it the emulator's CPU: the rest is the client's (SDK, output check, sha-256, store) on the same cores`
            : `the emulator itself needs ${perGeneration(f.capacity)} of CPU a generation`,
    };
  });
}

const GOAL_HEADER = ['goal', 'target', 'measured', 'status', 'why (for a miss)'];

/** The goals section: one table, one row per goal (per adapter, generator or suite where the goal is "each"). */
export function renderGoals(rows: readonly GoalRow[]): string {
  const missed = rows.filter((r) => r.status.startsWith('**missed**')).length;
  const unmeasured = rows.filter((r) => r.status === '-').length;
  return [
    "Every goal of issue 13 against its target, from this run's sections above, except goals 1 and 6: those come from the scale section (its own, slower run, `npm run bench -- --scale`, which rewrites their rows here), whose date each row gives. A miss says by how much and, where the run measured it, why.",
    '',
    table(
      GOAL_HEADER,
      rows.map((r) => [r.goal, r.target, r.measured, r.status, r.why]),
    ),
    '',
    `${rows.length - missed - unmeasured} of ${rows.length} met, ${missed} missed${unmeasured ? `, ${unmeasured} not measured` : ''}.`,
  ].join('\n');
}

/** The goal rows of a goals section as `renderGoals` wrote them. */
export function goalRowsOf(body: string): GoalRow[] {
  return tableRows(body)
    .filter((cells) => cells.length === GOAL_HEADER.length && cells[0] !== GOAL_HEADER[0])
    .map(([goal, target, measured, status, why]) => ({ goal, target, measured, status, why }));
}

/** `rows` with goal 1's rows and goal 6's row replaced (in place; added at the start and the end when absent). */
export function withScaleRows(rows: readonly GoalRow[], oneRows: readonly GoalRow[], sixRow: GoalRow): GoalRow[] {
  const isOne = (r: GoalRow) => r.goal.startsWith('1. ');
  const isSix = (r: GoalRow) => r.goal.startsWith('6. ');
  const firstOne = rows.findIndex(isOne);
  const kept = rows.flatMap((r, i) => (i === firstOne ? oneRows : isOne(r) ? [] : isSix(r) ? [sixRow] : [r]));
  return [...(firstOne < 0 ? oneRows : []), ...kept, ...(rows.some(isSix) ? [] : [sixRow])];
}

/** BENCHMARKS.md with its goals section's rows for goals 1 and 6 taken from a new scale run (unchanged when it has no goals section). */
export function withScaleGoals(markdown: string, scale: ScaleFigures | undefined): string {
  const start = markdown.indexOf(`\n## ${GOALS_TITLE}\n`) + 1;
  if (start === 0) return markdown;
  const heading = markdown.slice(start).indexOf('\n');
  const next = markdown.slice(start + heading).search(/^## /m);
  const end = next < 0 ? markdown.length : start + heading + next;
  const reason = 'the scale run has no figures to read';
  const rows = withScaleRows(goalRowsOf(markdown.slice(start, end)), scaleGoalRows(scale, reason), cacheGoalRow(scale, reason));
  return `${markdown.slice(0, start)}## ${GOALS_TITLE}\n\n${renderGoals(rows)}\n${next < 0 ? '' : `\n${markdown.slice(end)}`}`;
}
