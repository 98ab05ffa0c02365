import {
  cacheGoalRow,
  goalRowsOf,
  GOALS_TITLE,
  loopGoalRows,
  overheadGoal,
  overheadGoalRows,
  renderGoals,
  scaleGoalRows,
  throughputGoal,
  throughputGoalRows,
  withScaleGoals,
  withScaleRows,
  type GoalRow,
} from './goals';
import type { LoopFigures } from './loop';
import type { ScaleFigures } from './scale';

describe('goal cells', () => {
  it('says whether an adapter overhead meets 25 ms and 8x less than the SDK default, and by how much it misses', () => {
    expect(overheadGoal(13, 212)).toBe('<= 25 ms: met; >= 8x less than the SDK default: met (16.3x)');
    expect(overheadGoal(40, 212)).toBe('<= 25 ms: missed by 15 ms; >= 8x less than the SDK default: missed (5.3x)');
    expect(overheadGoal(20, 18)).toBe('<= 25 ms: met; >= 8x less than the SDK default: missed (0.9x)');
    expect(overheadGoal(20, undefined)).toBe('<= 25 ms: met; no SDK to compare');
  });

  it('says whether throughput meets 500/s end to end or from the emulator alone, and by how much it misses', () => {
    expect(throughputGoal(520, 900)).toBe('met');
    expect(throughputGoal(120, 800)).toBe('emulator alone: met; end to end missed by 380/s (client-bound)');
    expect(throughputGoal(120, 450)).toBe('emulator alone: missed by 50/s; end to end missed by 380/s');
    expect(throughputGoal(120, undefined)).toBe('end to end missed by 380/s');
  });
});

const scale: ScaleFigures = {
  measuredAt: '2026-12-01T13:38:57.898Z',
  small: { generators: 9, coldMs: 474_900, tasks: 22, failed: 3 },
  large: { generators: 100, coldMs: 878_200, tasks: 113, failed: 4 },
  failing: ['provider-fal', 'cli'],
  lockRan: 0,
  lockOf: 109,
};

const loop: LoopFigures = {
  runs: 3,
  oneNpxMs: 2700,
  oneBinMs: 1900,
  npxMs: 600,
  jestFullMs: 2100,
  jestOneMs: 700,
  slowestFile: { file: 'packages/flux-pro/src/flux-pro.test.ts', ms: 1200 },
  timedProjects: 22,
  timedTests: 640,
  slow: [],
  untimed: [],
  failures: [],
  longSuites: [
    { project: 'reliability', name: 'reliability', ms: 37_500, runs: 3, failed: 0 },
    { project: 'cli', name: 'CLI', ms: 29_000, runs: 3, failed: 1 },
  ],
  longSource: "the unit suite section's 3 cold runs (median task time, Nx running 2 tasks at a time)",
  cachedNpxMs: 1550,
  cachedBinMs: 850,
  excluded: [],
  sectionMs: 80_000,
  timingMs: 50_000,
};

const byGoal = (rows: GoalRow[], prefix: string) => rows.find((r) => r.goal.startsWith(prefix));

describe('goal rows', () => {
  it("reads goals 1 and 6 from the scale run's figures, naming that run", () => {
    const [cold, green] = scaleGoalRows(scale);
    expect(cold).toMatchObject({ target: '<= 2x', measured: '1.85x (878.2 s vs 474.9 s; scale run of 2026-12-01T13:38:57.898Z)', status: 'met' });
    expect(green).toMatchObject({ goal: '1. the suite green at 100 generators', status: '**missed** by 4 failing', why: 'failing: provider-fal, cli' });
    expect(scaleGoalRows({ ...scale, large: { ...scale.large, coldMs: 1_000_000 } })[0]).toMatchObject({
      status: '**missed** by 0.11x',
      why: '91 more test tasks add 525.1 s (5.77 s each)',
    });
    expect(cacheGoalRow(scale)).toMatchObject({ measured: '0 of 109 (scale run of 2026-12-01T13:38:57.898Z)', status: 'met' });
    expect(cacheGoalRow({ ...scale, lockRan: 12 }).status).toBe('**missed** by 12 tasks');
    expect(scaleGoalRows(undefined).map((r) => r.status)).toEqual(['-', '-']);
    expect(cacheGoalRow(undefined).measured).toBe('not measured: BENCHMARKS.md has no scale section (`npm run bench -- --scale`)');
  });

  it('says by how much the loop misses and splits the miss into npx, Nx and jest', () => {
    const rows = loopGoalRows(loop);
    expect(byGoal(rows, '2. `npx nx test flux-pro')).toMatchObject({
      goal: '2. `npx nx test flux-pro --skip-nx-cache` (median of 3)',
      measured: '2.70 s; without npx 1.90 s',
      status: '**missed** by 0.70 s',
      why: 'npx 0.80 s, Nx 0.40 s, jest 1.50 s (by difference); without npx: met',
    });
    expect(byGoal(rows, "2. flux-pro's jest run")).toMatchObject({
      measured: '2.10 s vs 0.70 s = 3.00x',
      status: '**missed** by 1.00x',
      why: 'its tests add 1.40 s to a one-test run; slowest file packages/flux-pro/src/flux-pro.test.ts 1.20 s',
    });
    expect(byGoal(rows, '2. tests of 1 s')).toMatchObject({ measured: '0 of 640 tests (22 projects)', status: 'met', why: '' });
    expect(byGoal(rows, '2. reliability suite')).toMatchObject({
      status: '**missed** by 7.50 s',
      why: "cold, from the unit suite section's 3 cold runs (median task time, Nx running 2 tasks at a time)",
    });
    expect(byGoal(rows, '2. CLI suite')).toMatchObject({ measured: '29.0 s (failed in 1 of 3 runs)', status: 'met', why: '' });
    expect(byGoal(rows, '3. cached')).toMatchObject({
      measured: '1.55 s; without npx 0.85 s',
      status: '**missed** by 0.55 s',
      why: 'npx start-up 0.60 s of it (`npx --no-install true`); without npx met',
    });
  });

  it('lists the slow tests it found and meets the loop goals when the figures are within them', () => {
    const slow = [
      ...Array.from({ length: 4 }, (_, i) => ({ file: `libs/x/src/t${i}.test.ts`, name: `waits ${i}`, ms: 1500 - i })),
      { file: 'libs/x/src/t1.test.ts', name: 'waits again', ms: 2100 },
    ];
    const rows = loopGoalRows({ ...loop, oneNpxMs: 1900, jestFullMs: 1300, cachedNpxMs: 950, slow });
    expect(byGoal(rows, '2. `npx nx test')?.status).toBe('met');
    expect(byGoal(rows, "2. flux-pro's jest")?.status).toBe('met');
    expect(byGoal(rows, '3. cached')?.status).toBe('met');
    expect(byGoal(rows, '2. tests of')).toMatchObject({
      goal: '2. tests of 1 s or more in packages/* and libs/*',
      status: '**missed** by 5 tests',
      why: 'libs/x/src/t1.test.ts: 2 (up to 2.10 s); libs/x/src/t0.test.ts: 1 (up to 1.50 s); libs/x/src/t2.test.ts: 1 (up to 1.50 s); 1 more file (the loop section lists every test)',
    });
    expect(loopGoalRows(undefined, 'skipped with BENCH_SKIP=loop').every((r) => r.measured === 'not measured: skipped with BENCH_SKIP=loop')).toBe(true);
  });

  it("gives every adapter and generator its own row, with the provider's reason for a miss", () => {
    const rows = overheadGoalRows([
      { generator: 'flux-pro', provider: 'replicate', adapterMs: 14, rangeMs: [12, 15], requests: 3, sdkDefaultMs: 218 },
      { generator: 'kie-seedream-4-5', provider: 'kie', adapterMs: 336, rangeMs: [138, 515], requests: 13, missedBecause: 'Kie allows 10 recordInfo calls/s' },
      { generator: 'nano-banana', provider: 'fal', adapterMs: 40, rangeMs: [30, 61], requests: 5, sdkDefaultMs: 219 },
    ]);
    expect(rows[0]).toMatchObject({ goal: '4. replicate adapter overhead (flux-pro)', measured: '14 ms; SDK default 218 ms', status: 'met', why: '' });
    expect(rows[1]).toMatchObject({ status: '**missed**: <= 25 ms: missed by 311 ms; no SDK to compare', why: 'Kie allows 10 recordInfo calls/s' });
    expect(rows[2]).toMatchObject({
      status: '**missed**: <= 25 ms: missed by 15 ms; >= 8x less than the SDK default: missed (5.5x)',
      why: '30 ms - 61 ms over the job lengths, 5 HTTP requests a generation',
    });
    const [t] = throughputGoalRows([{ generator: 'flux-pro', provider: 'replicate', concurrency: 64, perSecond: 178.4, capacity: 522 }]);
    expect(t).toMatchObject({
      goal: '5. flux-pro (replicate) throughput at 64 concurrent',
      measured: "178.4/s end to end; 522/s of the emulator's own CPU",
      status: '**missed**: emulator alone: met; end to end missed by 322/s (client-bound)',
    });
    expect(t.why).toBe(
      "a generation takes 5.61 ms of the machine at 64 concurrent, 1.92 ms of it the emulator's CPU: the rest is the client's (SDK, output check, sha-256, store) on the same cores",
    );
    expect(throughputGoalRows([{ generator: 'w', provider: 'openai', concurrency: 64, perSecond: 130, capacity: 483 }])[0].why).toBe(
      'the emulator itself needs 2.07 ms of CPU a generation',
    );
    expect(throughputGoalRows([{ generator: 'w', provider: 'openai', concurrency: 64, perSecond: 600 }])[0].status).toBe('met');
    expect(overheadGoalRows(undefined, 'skipped')[0].measured).toBe('not measured: skipped');
  });
});

describe('the goals section', () => {
  const rows = [...scaleGoalRows(scale), ...loopGoalRows(loop), cacheGoalRow(scale)];

  it('counts met, missed and unmeasured goals, and reads back its own rows', () => {
    const body = renderGoals([...rows, ...overheadGoalRows(undefined)]);
    expect(body).toContain('| goal | target | measured | status | why (for a miss) |');
    expect(body).toMatch(/\n4 of 10 met, 5 missed, 1 not measured\.$/);
    expect(goalRowsOf(body)).toEqual([...rows, ...overheadGoalRows(undefined)]);
  });

  it('replaces goals 1 and 6 from a new scale run in place, keeping every other row and section', () => {
    const newer: ScaleFigures = { ...scale, measuredAt: '2026-12-02T10:00:00.000Z', large: { ...scale.large, failed: 0 } };
    const replaced = withScaleRows(rows, scaleGoalRows(newer), cacheGoalRow(newer));
    expect(replaced.map((r) => r.goal)).toEqual(rows.map((r) => r.goal));
    expect(replaced[1].status).toBe('met');
    expect(withScaleRows(loopGoalRows(loop), scaleGoalRows(newer), cacheGoalRow(newer)).map((r) => r.goal[0])).toEqual([
      '1',
      '1',
      '2',
      '2',
      '2',
      '2',
      '2',
      '3',
      '6',
    ]);

    const file = `# Benchmarks\n\nintro\n\n## Scale: x\n\nbody\n\n## ${GOALS_TITLE}\n\n${renderGoals(rows)}\n`;
    const updated = withScaleGoals(file, newer);
    expect(updated.startsWith('# Benchmarks\n\nintro\n\n## Scale: x\n\nbody\n\n')).toBe(true);
    expect(updated).toContain('scale run of 2026-12-02T10:00:00.000Z');
    expect(updated).not.toContain('2026-12-01T13:38:57.898Z');
    expect(goalRowsOf(updated)).toHaveLength(rows.length);
    expect(withScaleGoals('# Benchmarks\n\n## Other\n\nx\n', newer)).toBe('# Benchmarks\n\n## Other\n\nx\n');
    expect(withScaleGoals(`${file}\n## After\n\nkept\n`, newer)).toMatch(/\.\n\n## After\n\nkept\n$/);
  });
});
