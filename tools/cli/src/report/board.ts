/**
 * What a report page shows, independent of HTML: a header (mode, total against the budget,
 * spending caps) and one card per generator with what its generations produced. Built from a
 * live run's directory (`summary.json` + `results/*.json`) or from one `boards generate`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { formatUsd, sum, usd, type AnyGenerator } from '@boards/core';
import type { GenerationRecord } from '@boards/testing';
import type { GeneratorSummary, RunSummary } from '@boards/catalogue';
import { usageError } from '../errors';

/** A spending cap period as the spend ledger writes it into summary.json (`caps.day`, `caps.month`). */
export interface CapPeriod {
  period: string;
  spentUsd: string;
  /** null: no limit set. */
  limitUsd: string | null;
}

export interface Caps {
  backend: string;
  rehearsal?: boolean;
  day?: CapPeriod;
  month?: CapPeriod;
}

export type CardStatus = 'passed' | 'failed' | 'skipped' | 'not run';

export interface Card {
  generator: string;
  /** `fal · fal-ai/nano-banana · image`, when the generator is known to this workspace. */
  about?: string;
  status: CardStatus;
  /** Skip reasons and failures, in words. */
  reasons: string[];
  /** Media `file`s are relative to the page. */
  generations: GenerationRecord[];
}

export interface Board {
  title: string;
  mode: 'live' | 'emulator';
  /** Header facts: label and value. */
  facts: Array<[string, string]>;
  caps?: Caps;
  cards: Card[];
  /** Catalogue generators this run did not include. */
  notInRun: string[];
}

interface ProjectResults {
  project: string;
  tests: Array<{ status: string; reason?: string; error?: string }>;
  generations?: GenerationRecord[];
}

type SummaryWithCaps = RunSummary & { caps?: Caps };

/**
 * The run directory `run` names (a path, or a run id under `.live-runs/`), or the latest run
 * (the one `.live-runs/latest-summary.json` names, else the newest directory with a summary).
 */
export function findRunDir(workspaceRoot: string, cwd: string, run?: string): string {
  const runs = join(workspaceRoot, '.live-runs');
  if (run) {
    const candidates = [resolve(cwd, run), join(runs, run)];
    const found = candidates.find((dir) => existsSync(join(dir, 'summary.json')));
    if (found) return found;
    throw usageError(`no live run at ${run}: expected a directory with summary.json (or a run id under ${runs})`);
  }
  const latest = join(runs, 'latest-summary.json');
  if (existsSync(latest)) {
    const dir = (JSON.parse(readFileSync(latest, 'utf8')) as RunSummary).runDir;
    if (dir && existsSync(join(dir, 'summary.json'))) return dir;
  }
  const dirs = existsSync(runs)
    ? readdirSync(runs)
        .map((name) => join(runs, name))
        .filter((dir) => existsSync(join(dir, 'summary.json')))
        .sort((a, b) => statSync(join(b, 'summary.json')).mtimeMs - statSync(join(a, 'summary.json')).mtimeMs)
    : [];
  if (dirs[0]) return dirs[0];
  throw usageError(`no live run found under ${runs}: run one first (npx nx run-many -t test-live -c emulator)`);
}

/** The board of one live run; media paths stay relative to the run directory, where the page goes. */
export function boardFromRun(runDir: string, catalogue: readonly AnyGenerator[]): Board {
  const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as SummaryWithCaps;
  const results = readResults(runDir);
  const known = new Map(catalogue.map((g) => [g.id, g]));
  const cards = summary.generators.map((g) => runCard(g, results.get(g.generator), known.get(g.generator)));
  const billed = summary.generators.flatMap((g) => (g.actualUsd ? [usd(g.actualUsd)] : []));
  const id = runDir.split(sep).filter(Boolean).pop() ?? runDir;
  return {
    title: `Live run ${id}`,
    mode: summary.mode,
    facts: [
      ['mode', summary.mode === 'emulator' ? 'emulator: no provider called, no money spent' : 'real providers'],
      ['estimated', `$${summary.reservedUsd} of the $${summary.budgetUsd} budget (${summary.budgetSource})`],
      ['billed', runBilled(summary.mode, billed)],
      ['generators', countLine(cards)],
    ],
    ...(summary.caps ? { caps: summary.caps } : {}),
    cards,
    notInRun: catalogue.map((g) => g.id).filter((id) => !summary.generators.some((g) => g.generator === id)),
  };
}

/** The board of one `boards generate`: its page sits at `pagePath`, media are linked relative to it. */
export function boardFromGeneration(generator: AnyGenerator, record: GenerationRecord, pagePath: string): Board {
  const pageDir = resolve(pagePath, '..');
  const local = (file: string) => (file.startsWith('/') ? relative(pageDir, file) : file);
  const generation: GenerationRecord = {
    ...record,
    artifacts: record.artifacts.map((a) => ({ ...a, file: local(a.file) })),
    inputFiles: record.inputFiles.map((f) => ({ ...f, file: local(f.file) })),
  };
  return {
    title: `${generator.id}: one generation`,
    mode: record.mode,
    facts: [
      ['mode', record.mode === 'emulator' ? 'emulator: no provider called, no money spent' : 'real provider'],
      ['estimated', record.estimatedUsd === 'unknown' ? 'unknown' : `$${record.estimatedUsd}`],
      ['billed', billedText(record)],
    ],
    cards: [
      {
        generator: generator.id,
        about: about(generator),
        status: record.error ? 'failed' : 'passed',
        reasons: record.error ? [record.error] : [],
        generations: [generation],
      },
    ],
    notInRun: [],
  };
}

/** Billed cost of one generation, in words. */
export function billedText(record: Pick<GenerationRecord, 'mode' | 'actual'>): string {
  if (record.mode === 'emulator') return `none (emulator${record.actual ? `; it reported ${record.actual.reported}` : ''})`;
  if (record.actual?.usd) return `$${record.actual.usd} (${record.actual.reported})`;
  return record.actual ? `unknown (the provider reported ${record.actual.reported})` : 'unknown (the provider reported no cost)';
}

function runBilled(mode: RunSummary['mode'], billed: readonly number[]): string {
  const total = billed.length ? `$${formatUsd(sum(billed))}` : undefined;
  if (mode === 'emulator') return `none (emulator${total ? `; at live prices ${total}` : ''})`;
  return total ? `${total} at the prices the providers reported` : 'no provider reported a price';
}

function runCard(summary: GeneratorSummary, results: ProjectResults | undefined, generator: AnyGenerator | undefined): Card {
  const status: CardStatus =
    summary.failed > 0 || summary.task === 'failure' ? 'failed' : summary.run > 0 ? 'passed' : summary.skipped > 0 ? 'skipped' : 'not run';
  const reasons = [...summary.skipReasons.map((r) => `skipped: ${r}`), ...summary.errors];
  if (status === 'failed' && reasons.length === 0) reasons.push(`the test-live task ended with ${summary.task}`);
  return {
    generator: summary.generator,
    ...(generator ? { about: about(generator) } : {}),
    status,
    reasons,
    generations: results?.generations ?? [],
  };
}

function readResults(runDir: string): Map<string, ProjectResults> {
  const dir = join(runDir, 'results');
  const results = new Map<string, ProjectResults>();
  if (!existsSync(dir)) return results;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ProjectResults;
    results.set(data.project, data);
  }
  return results;
}

function about(generator: AnyGenerator): string {
  return `${generator.provider} · ${generator.model} · ${generator.artifactType}`;
}

function countLine(cards: readonly Card[]): string {
  const count = (s: CardStatus) => cards.filter((c) => c.status === s).length;
  return `${cards.length}: ${count('passed')} passed, ${count('skipped')} skipped, ${count('failed')} failed`;
}
