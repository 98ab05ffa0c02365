/** Writes report pages: a live run's into its run directory, one generation's beside its artifacts. */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatUsd, mimeTypeForPath, type AnyGenerator, type CostEstimate } from '@boards/core';
import type { GenerationRecord, RecordedInputFile } from '@boards/testing';
import type { ArtifactEntry } from '../artifact-report';
import type { RunMode } from '../mode';
import type { RunOutcome } from '../run-generation';
import { boardFromGeneration, boardFromRun } from './board';
import { renderBoard } from './render';

/** The page of a live run: `<run>/report.html`, media linked from `<run>/artifacts/`. */
export function writeRunReport(runDir: string, catalogue: readonly AnyGenerator[]): string {
  const page = join(runDir, 'report.html');
  writePage(page, renderBoard(boardFromRun(runDir, catalogue)));
  return page;
}

/**
 * Writes `html` at `page` without following a symlink there: a run directory is shared and
 * may be someone else's, and a planted `report.html -> ~/.bashrc` must not make the report
 * overwrite the file it points to. The page goes to a new file beside it (created exclusively,
 * never through a link), then is renamed over `page`: a rename replaces a symlink itself, not
 * its target.
 */
export function writePage(page: string, html: string): void {
  const temp = join(dirname(page), `.${basename(page)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // O_EXCL refuses an existing name (a link planted at the temp name included); O_NOFOLLOW refuses a link.
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  try {
    try {
      writeFileSync(fd, html);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, page);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export interface GenerationReport {
  generator: AnyGenerator;
  mode: RunMode;
  input: unknown;
  estimate: CostEstimate;
  outcome: RunOutcome;
  artifacts: readonly ArtifactEntry[];
  /** Relative input paths are read from here. */
  cwd: string;
}

/**
 * The page of one `boards generate`: beside its first artifact, named after it
 * (`boards-output/flux-pro/report-137b47131d37d57e.html`), so copying the output folder keeps it working.
 */
export function writeGenerationReport({ generator, mode, input, estimate, outcome, artifacts, cwd }: GenerationReport): string {
  const inputFiles: RecordedInputFile[] = [];
  const first = artifacts[0]?.path;
  const page = first ? join(dirname(first), `report-${basename(first, extname(first))}.html`) : join(cwd, `report-${generator.id}.html`);
  const record: GenerationRecord = {
    generator: generator.id,
    mode: mode.kind === 'emulator' ? 'emulator' : 'live',
    startedAt: new Date(Date.now() - outcome.elapsedMs).toISOString(),
    elapsedMs: outcome.elapsedMs,
    input: inputShown(input, cwd, inputFiles),
    inputFiles,
    estimatedUsd: estimate.known ? formatUsd(estimate.micros) : 'unknown',
    ...(estimate.known ? { estimateBasis: estimate.basis } : {}),
    ...(outcome.actualCost
      ? { actual: { ...(outcome.actualCost.micros !== undefined ? { usd: formatUsd(outcome.actualCost.micros) } : {}), reported: outcome.actualCost.reported } }
      : {}),
    ...((outcome.result.providerJobId ?? outcome.providerJob?.jobId) ? { providerJobId: outcome.result.providerJobId ?? outcome.providerJob?.jobId } : {}),
    artifacts: artifacts.map(({ path, storageUrl: _url, ...facts }) => ({ ...facts, file: path })),
    ...(outcome.result.warnings?.length ? { warnings: outcome.result.warnings } : {}),
  };
  mkdirSync(dirname(page), { recursive: true });
  writePage(page, renderBoard(boardFromGeneration(generator, record, page)));
  return page;
}

/**
 * The input as the page shows it: local media files become input files shown beside the
 * artifacts (linked, not copied); inline files (data: URLs) are not repeated, their type and size stand for them.
 */
function inputShown(value: unknown, cwd: string, files: RecordedInputFile[], field = ''): unknown {
  if (typeof value === 'string') {
    const data = /^data:([^;,]+)[;,]/.exec(value);
    if (data) return `[inline ${data[1]}, ${value.length} characters]`;
    const path = value.startsWith('file:') ? fileURLToPath(value) : resolve(cwd, value);
    const mimeType = mimeTypeForPath(path);
    if (/^(image|audio|video)\//.test(mimeType) && !/^https?:/.test(value) && existsSync(path))
      files.push({ field: field || 'input', file: path, mimeType, sizeBytes: statSync(path).size });
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => inputShown(v, cwd, files, field ? `${field}.${i}` : String(i)));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inputShown(v, cwd, files, field ? `${field}.${k}` : k)]));
  }
  return value;
}
