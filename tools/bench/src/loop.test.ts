import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decompose,
  filesFromJestJson,
  jestProjects,
  longSuiteSource,
  longSuiteTimes,
  renderLoop,
  slowTests,
  testsFromJestJson,
  type LoopFigures,
} from './loop';
import type { SuiteRun } from './suite';

const report = {
  testResults: [
    {
      name: '/ws/packages/flux-pro/src/flux-pro.test.ts',
      startTime: 1000,
      endTime: 2400,
      assertionResults: [
        { fullName: 'flux-pro generates', title: 'generates', duration: 120 },
        { fullName: 'flux-pro cancels', title: 'cancels', duration: 1040 },
        { fullName: 'flux-pro todo', title: 'todo', duration: null },
      ],
    },
    { name: '/ws/packages/flux-pro/src/other.test.ts', startTime: 1000, endTime: 1300, assertionResults: [{ title: 'adds', duration: 1000 }] },
  ],
};

describe('per-test times from jest --json', () => {
  it('reads each timed test with its file relative to the workspace, and skips tests without a duration', () => {
    expect(testsFromJestJson(report, '/ws')).toEqual([
      { file: 'packages/flux-pro/src/flux-pro.test.ts', name: 'flux-pro generates', ms: 120 },
      { file: 'packages/flux-pro/src/flux-pro.test.ts', name: 'flux-pro cancels', ms: 1040 },
      { file: 'packages/flux-pro/src/other.test.ts', name: 'adds', ms: 1000 },
    ]);
    expect(testsFromJestJson({ not: 'a report' }, '/ws')).toEqual([]);
    expect(testsFromJestJson(null, '/ws')).toEqual([]);
  });

  it('lists tests of 1 s or more, slowest first, and files by wall time', () => {
    const slow = slowTests(testsFromJestJson(report, '/ws'));
    expect(slow.map((t) => t.ms)).toEqual([1040, 1000]);
    expect(filesFromJestJson(report, '/ws')).toEqual([
      { file: 'packages/flux-pro/src/flux-pro.test.ts', ms: 1400 },
      { file: 'packages/flux-pro/src/other.test.ts', ms: 300 },
    ]);
  });
});

describe('loop figures', () => {
  it("takes each long suite's median cold task time and counts its failed runs", () => {
    const run = (tasks: Array<[string, number, string]>): SuiteRun => ({
      wallMs: 1,
      code: 0,
      tasks: tasks.map(([project, ms, status]) => ({ project, ms, status })),
    });
    const suites = longSuiteTimes([
      run([
        ['cli', 31_000, 'success'],
        ['reliability', 20_000, 'success'],
      ]),
      run([['cli', 40_000, 'failure']]),
      run([['cli', 35_000, 'success']]),
    ]);
    expect(suites.find((s) => s.project === 'cli')).toEqual({ project: 'cli', name: 'CLI', ms: 35_000, runs: 3, failed: 1 });
    expect(suites.find((s) => s.project === 'reliability')?.ms).toBe(20_000);
    expect(suites.find((s) => s.project === 'tools')?.ms).toBeNaN();
  });

  it('says where the long suites were timed', () => {
    expect(longSuiteSource(3)).toBe("the unit suite section's 3 cold runs (median task time, Nx running 2 tasks at a time)");
    expect(longSuiteSource(1)).toBe("the unit suite section's cold run (Nx running 2 tasks at a time)");
  });

  it("splits one npx nx test into npx's, Nx's and jest's shares by difference", () => {
    expect(decompose({ oneNpxMs: 2700, oneBinMs: 2100, npxMs: 600, jestFullMs: 2000 })).toEqual({ npx: 600, nx: 700, jest: 1400 });
  });

  it('finds the packages and libs with a jest config, one level of nesting under libs included', () => {
    const ws = mkdtempSync(join(tmpdir(), 'bench-loop-test-'));
    try {
      for (const dir of ['packages/a', 'packages/no-tests', 'libs/core', 'libs/providers/fal', 'tools/cli', 'packages/a/node_modules/x'])
        mkdirSync(join(ws, dir), { recursive: true });
      for (const dir of ['packages/a', 'libs/core', 'libs/providers/fal', 'tools/cli', 'packages/a/node_modules/x'])
        writeFileSync(join(ws, dir, 'jest.config.js'), '');
      expect(jestProjects(ws)).toEqual(['libs/core', 'libs/providers/fal', 'packages/a']);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('renders the slow tests it found, and the cached runs it left a failing project out of', () => {
    const figures: LoopFigures = {
      runs: 3,
      oneNpxMs: 2700,
      oneBinMs: 2100,
      npxMs: 600,
      jestFullMs: 2000,
      jestOneMs: 800,
      slowestFile: { file: 'packages/flux-pro/src/flux-pro.test.ts', ms: 1300 },
      timedProjects: 22,
      timedTests: 600,
      slow: [{ file: 'libs/x/src/x.test.ts', name: 'x waits', ms: 1200 }],
      untimed: [],
      failures: [],
      longSuites: [{ project: 'cli', name: 'CLI', ms: 31_000, runs: 3, failed: 0 }],
      longSource: 'the suite',
      cachedNpxMs: 1500,
      cachedBinMs: 900,
      excluded: ['cli'],
      marginal: { generators: 12, oneCpuMs: 2400, suiteCpuMs: 7900, marginalCpuMs: 500, failures: [] },
      sectionMs: 80_000,
      timingMs: 50_000,
    };
    const text = renderLoop(figures);
    expect(text).toContain('| `npx nx test flux-pro --skip-nx-cache` | **2.70 s** | npx 0.60 s, Nx 0.70 s, jest 1.40 s (by difference) |');
    expect(text).toContain('| the same with one trivial test file | 0.80 s | 2.50x of it for the full run |');
    expect(text).toContain('1 of 1 s or more:');
    expect(text).toContain('| libs/x/src/x.test.ts | x waits | 1.20 s |');
    expect(text).toContain('everything cached (without cli: failing');
    expect(text).toContain('CLI 31.0 s.');
    expect(text).toContain('| **one more generator** | **500 ms** | 0.21x of one generator alone |');
    expect(text).not.toContain('Failed while timed');
    expect(text).toContain('This section took 80.0 s of the bench (50.0 s of it timing every test).');
    expect(renderLoop({ ...figures, failures: ['`nx test flux-pro` exited 1 (x)'] })).toContain(
      'Failed while timed (still counted): `nx test flux-pro` exited 1 (x).',
    );
  });
});
