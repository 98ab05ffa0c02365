import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunLedger } from '@boards/cost';
import { renderSummary, summarizeRun } from '@boards/catalogue';
import type { PostTasksExecutionContext, PreTasksExecutionContext } from '@nx/devkit';
import { postTasksExecution, preTasksExecution, runDirFor } from './hooks';

describe('live run summary', () => {
  it('tabulates tests, skip reasons, estimates and provider-reported cost per generator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-test-'));
    const ledger = new RunLedger(dir);
    const budget = { limitMicros: 1_000_000, source: 'test', allowUnknown: false };
    await ledger.reserve('flux-pro', { known: true, micros: 55_000, basis: '1 image' }, budget, 'emulator');
    ledger.recordActual({ generatorId: 'flux-pro', reported: 'predict_time=2.1s', at: 'now' });
    mkdirSync(join(dir, 'results'));
    writeFileSync(join(dir, 'results', 'flux-pro.json'), JSON.stringify({ project: 'flux-pro', tests: [{ title: 'a', status: 'passed' }] }));
    writeFileSync(
      join(dir, 'results', 'nano-banana.json'),
      JSON.stringify({ project: 'nano-banana', tests: [{ title: 'skipped: FAL_KEY not set', status: 'skipped', reason: 'FAL_KEY not set' }] }),
    );
    const summary = summarizeRun(dir, { 'flux-pro': 'success', 'nano-banana': 'success' }, 'emulator');
    expect(summary.generators).toEqual([
      expect.objectContaining({ generator: 'flux-pro', run: 1, failed: 0, estimatedUsd: '0.055', actual: ['predict_time=2.1s'] }),
      expect.objectContaining({ generator: 'nano-banana', run: 0, skipped: 1, skipReasons: ['FAL_KEY not set'] }),
    ]);
    const text = renderSummary(summary);
    expect(text).toContain('skipped: FAL_KEY not set');
    expect(text).toContain('live_api_test_cost generator=flux-pro estimated_cost_usd=0.055');
    // A rehearsal's own default budget, and what a real run's would be.
    expect(text).toMatch(/total estimated \$0\.055 of the \$100\.00 budget \(rehearsal default 100; a real run's is 1\.00\)/);
  });

  it('says unknown, never $0, for a generator whose estimate was unknown, and keeps the known total', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-unknown-'));
    const ledger = new RunLedger(dir);
    const budget = { limitMicros: 1_000_000, source: 'test', allowUnknown: true };
    await ledger.reserve('flux-pro', { known: true, micros: 55_000, basis: '1 image' }, budget, 'emulator');
    await ledger.reserve('flux-2', { known: false, reason: 'the price per megapixel is unknown' }, budget, 'emulator');
    mkdirSync(join(dir, 'results'));
    writeFileSync(join(dir, 'results', 'flux-2.json'), JSON.stringify({ project: 'flux-2', tests: [{ title: 'a', status: 'passed' }] }));
    const summary = summarizeRun(dir, { 'flux-2': 'success', 'flux-pro': 'success' }, 'emulator');
    expect(summary.generators[0]).toMatchObject({ generator: 'flux-2', estimatedUsd: 'unknown' });
    expect(summary.unknownEstimates).toEqual(['flux-2']);
    const text = renderSummary(summary);
    expect(text).toMatch(/^flux-2 +1 +0 +0 +unknown /m);
    expect(text).not.toContain('$unknown');
    expect(text).toContain('total estimated $0.055 + unknown (flux-2) of the $100.00 budget');
    expect(text).toContain('live_api_test_cost generator=flux-2 estimated_cost_usd=unknown');
  });

  it('shows spend today and this month against the caps, and says when it is rehearsal accounting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-test-'));
    const caps = {
      backend: 'redis' as const,
      rehearsal: false,
      day: { period: '2026-12-01', spentUsd: '0.055', limitUsd: '5.00' },
      month: { period: '2026-12', spentUsd: '0.30', limitUsd: '50.00' },
    };
    const live = summarizeRun(dir, {}, 'live', caps);
    expect(JSON.parse(JSON.stringify(live)).caps).toEqual(caps);
    expect(renderSummary(live)).toContain('across runs: today $0.055 of the $5.00 daily cap; this month $0.30 of the $50.00 monthly cap [redis ledger]');
    const rehearsal = renderSummary(summarizeRun(dir, {}, 'emulator', { ...caps, rehearsal: true, day: { ...caps.day, limitUsd: null } }));
    expect(rehearsal).toMatch(/today \$0\.055 \(no daily cap set\).*rehearsal accounting of emulator runs, kept apart from the real caps/);
  });

  it('names every provider job: canceled, completed and billed, or possibly still running when no end was recorded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-jobs-'));
    const at = new Date().toISOString();
    const lines = [
      { generator: 'flux-pro', provider: 'replicate', jobId: 'p1', at },
      { generator: 'flux-pro', provider: 'replicate', jobId: 'p1', status: 'canceled', at },
      { generator: 'nano-banana', provider: 'fal', jobId: 'r1', at },
      { generator: 'nano-banana', provider: 'fal', jobId: 'r1', status: 'completed', reached: 'live', at },
      // The process was killed before it knew how this one ended.
      { generator: 'kie-seedream-4-5', provider: 'kie', jobId: 't1', at },
    ];
    writeFileSync(join(dir, 'jobs.jsonl'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n{"torn`);
    const text = renderSummary(summarizeRun(dir, {}, 'live'));
    expect(text).toContain('flux-pro: replicate job p1 canceled');
    expect(text).toContain('nano-banana: fal job r1 completed and billed');
    expect(text).toMatch(/kie-seedream-4-5: kie job t1 possibly still running and billed/);
    expect(text).toMatch(/^Live run summary \(real money/);
  });

  it('prints the summary of an exported BOARDS_LIVE_RUN_DIR, and hands tasks the pid of the run', async () => {
    const saved = { dir: process.env.BOARDS_LIVE_RUN_DIR, pid: process.env.BOARDS_LIVE_RUN_PID };
    const workspaceRoot = mkdtempSync(join(tmpdir(), 'summary-ws-'));
    const dir = mkdtempSync(join(tmpdir(), 'summary-exported-'));
    process.env.BOARDS_LIVE_RUN_DIR = dir;
    delete process.env.BOARDS_LIVE_RUN_PID;
    const written: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      const argv = ['nx', 'run-many', '-t', 'test-live'];
      preTasksExecution({}, { id: 'run-1', workspaceRoot, argv } as unknown as PreTasksExecutionContext);
      expect(process.env.BOARDS_LIVE_RUN_PID).toBe(String(process.pid));
      expect(process.env.BOARDS_LIVE_RUN_DIR).toBe(dir);
      const taskResults = { 'flux-pro:test-live': { status: 'success' } };
      await postTasksExecution({}, { id: 'run-1', workspaceRoot, argv, taskResults } as unknown as PostTasksExecutionContext);
    } finally {
      write.mockRestore();
      for (const [name, value] of [
        ['BOARDS_LIVE_RUN_DIR', saved.dir],
        ['BOARDS_LIVE_RUN_PID', saved.pid],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect(written.join('')).toMatch(/Live run summary/);
    expect(existsSync(join(dir, 'summary.json'))).toBe(true);
  });

  it('keeps each run in its own git-ignored folder', () => {
    expect(runDirFor('/repo', 'abcdef0123456789abcdef')).toBe('/repo/.live-runs/abcdef0123456789');
  });
});
