import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatUsd, sum } from '@boards/core';
import { budgetFromEnv, renderCaps, RunLedger, type CapsSummary } from '@boards/cost';
import { describeJob, readJobs, type JobLine } from '@boards/testing';

export interface TestOutcome {
  title: string;
  status: 'passed' | 'failed' | 'skipped' | string;
  reason?: string;
  error?: string;
}

export interface GeneratorSummary {
  generator: string;
  task: 'success' | 'failure' | 'skipped' | string;
  run: number;
  skipped: number;
  failed: number;
  skipReasons: string[];
  errors: string[];
  estimatedUsd: string;
  actual: string[];
  actualUsd?: string;
}

export interface RunSummary {
  runDir: string;
  mode: 'live' | 'emulator';
  budgetUsd: string;
  budgetSource: string;
  /** What the known estimates reserved; the generators whose estimate was unknown are `unknownEstimates`. */
  reservedUsd: string;
  unknownEstimates: string[];
  /** Spend today and this month across runs against the caps (emulator runs: rehearsal accounting). */
  caps?: CapsSummary;
  generators: GeneratorSummary[];
  /** Every provider job the run started, with how it ended (or that it may still be running). */
  jobs: JobLine[];
  costLines: string[];
}

/** Builds the summary of one live run from its directory (ledger + per-project test results) and the caps across runs. */
export function summarizeRun(runDir: string, taskStatus: Record<string, string>, mode: RunSummary['mode'], caps?: CapsSummary): RunSummary {
  const ledger = new RunLedger(runDir);
  const entries = ledger.entries();
  const actuals = ledger.actuals();
  const budget = budgetFromEnv(process.env, { rehearsal: mode === 'emulator' });
  const results = new Map<string, TestOutcome[]>();
  const resultsDir = join(runDir, 'results');
  if (existsSync(resultsDir)) {
    for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(join(resultsDir, file), 'utf8')) as { project: string; tests: TestOutcome[] };
      results.set(data.project, data.tests);
    }
  }
  const names = [...new Set([...Object.keys(taskStatus), ...results.keys()])].sort();
  const generators = names.map((generator): GeneratorSummary => {
    const tests = results.get(generator) ?? [];
    const mine = entries.filter((e) => e.generatorId === generator);
    const myActuals = actuals.filter((a) => a.generatorId === generator);
    const actualMicros = myActuals.map((a) => a.micros).filter((m): m is number => m !== undefined);
    return {
      generator,
      task: taskStatus[generator] ?? 'unknown',
      run: tests.filter((t) => t.status === 'passed' || t.status === 'failed').length,
      skipped: tests.filter((t) => t.status === 'skipped').length,
      failed: tests.filter((t) => t.status === 'failed').length,
      skipReasons: [...new Set(tests.flatMap((t) => (t.reason ? [t.reason] : [])))],
      errors: tests.flatMap((t) => (t.error ? [t.error] : [])),
      estimatedUsd: mine.some((e) => e.micros === null) ? 'unknown' : formatUsd(sum(mine.map((e) => e.micros ?? 0))),
      actual: myActuals.map((a) => a.reported),
      ...(actualMicros.length ? { actualUsd: formatUsd(sum(actualMicros)) } : {}),
    };
  });
  return {
    runDir,
    mode,
    budgetUsd: formatUsd(budget.limitMicros),
    budgetSource: budget.source,
    reservedUsd: formatUsd(ledger.reservedMicros()),
    unknownEstimates: [...new Set(entries.filter((e) => e.micros === null).map((e) => e.generatorId))].sort(),
    ...(caps ? { caps } : {}),
    generators,
    jobs: readJobs(runDir),
    costLines: entries.map((e) => e.costLine),
  };
}

/** The table printed at the end of a live run. */
export function renderSummary(summary: RunSummary): string {
  const header = ['generator', 'tests run', 'skipped', 'failed', 'estimated', 'actual (provider)', 'notes'];
  const rows = summary.generators.map((g) => [
    g.generator,
    String(g.run),
    String(g.skipped),
    String(g.failed),
    g.estimatedUsd === '0.00' && g.run === 0 ? '-' : g.estimatedUsd === 'unknown' ? 'unknown' : `$${g.estimatedUsd}`,
    g.actualUsd ? `$${g.actualUsd}` : g.actual.join(' ') || '-',
    [...g.skipReasons.map((r) => `skipped: ${r}`), ...g.errors.slice(0, 1)].join('; '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [
    `Live run summary (${summary.mode === 'emulator' ? 'emulator: no money spent' : 'real money: providers, gateways and proxies are billed'})`,
    line(header),
    ...rows.map(line),
    `total estimated $${summary.reservedUsd}${summary.unknownEstimates.length ? ` + unknown (${summary.unknownEstimates.join(', ')})` : ''} of the $${summary.budgetUsd} budget (${summary.budgetSource})`,
    ...(summary.caps ? [`across runs: ${renderCaps(summary.caps)}`] : []),
    ...(summary.jobs.length ? ['provider jobs:', ...summary.jobs.map((j) => `  ${describeJob(j)}`)] : []),
    ...(summary.costLines.length ? ['cost lines, each logged before its call:', ...summary.costLines.map((l) => `  ${l}`)] : []),
    `details: ${join(summary.runDir, 'summary.json')}`,
  ].join('\n');
}
