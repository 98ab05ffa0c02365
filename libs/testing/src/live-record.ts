/**
 * What a live test generated, kept in the run directory so that `npx boards report` can show it:
 * the artifacts (copied into `<run>/artifacts/<generator>/`, since each test's store is removed
 * when it ends), the input sent, timing, the provider job id and the costs. One JSON file per
 * generation under `<run>/generations/<generator>/`; the live reporter merges them into
 * `<run>/results/<project>.json` as `generations`.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatUsd, redactSecrets, type ActualCost, type Artifact, type ArtifactDraft, type CostEstimate, type GeneratorResult } from '@boards/core';

/** A stored artifact as a run directory keeps it (its media facts, no bytes): `file` is relative to the run directory. */
export type RecordedArtifact = Omit<ArtifactDraft, 'bytes'> & { file: string; sizeBytes: number; sha256: string };

/** A file the input carried inline (a data: URL), saved beside the artifacts. */
export interface RecordedInputFile {
  /** Dotted path of the input field: `image_urls.0`. */
  field: string;
  file: string;
  mimeType: string;
  sizeBytes: number;
}

export interface GenerationRecord {
  generator: string;
  mode: 'live' | 'emulator';
  startedAt: string;
  elapsedMs: number;
  /** The input sent, with inline files replaced by `[file <path>]` and URL query strings removed. */
  input: unknown;
  inputFiles: RecordedInputFile[];
  /** `0.055`, or `unknown`. */
  estimatedUsd: string;
  estimateBasis?: string;
  actual?: { usd?: string; reported: string };
  providerJobId?: string;
  artifacts: RecordedArtifact[];
  warnings?: string[];
  /** The error's message, when the generation failed. */
  error?: string;
}

export interface GenerationOutcome {
  generator: string;
  mode: GenerationRecord['mode'];
  startedAt: Date;
  elapsedMs: number;
  input: unknown;
  estimate: CostEstimate;
  actual?: ActualCost;
  providerJobId?: string;
  result?: GeneratorResult;
  error?: unknown;
}

const MAX_INPUT_STRING = 300;

/** Writes one generation's record (and copies its media) into the run directory; returns the record's path. */
export function recordGeneration(runDir: string, outcome: GenerationOutcome): string {
  const id = outcome.generator;
  const dir = join(runDir, 'generations', id);
  mkdirSync(dir, { recursive: true });
  const seq = String(readdirSync(dir).length + 1).padStart(3, '0');
  const mediaDir = join('artifacts', id);
  mkdirSync(join(runDir, mediaDir), { recursive: true });
  const inputFiles: RecordedInputFile[] = [];
  const input = sanitizeInput(outcome.input, '', (field, mimeType, bytes) => {
    const file = join(mediaDir, `${seq}-input-${inputFiles.length + 1}${extensionFor(mimeType)}`);
    writeFileSync(join(runDir, file), bytes);
    inputFiles.push({ field, file, mimeType, sizeBytes: bytes.length });
    return file;
  });
  const record: GenerationRecord = {
    generator: id,
    mode: outcome.mode,
    startedAt: outcome.startedAt.toISOString(),
    elapsedMs: Math.round(outcome.elapsedMs),
    input,
    inputFiles,
    estimatedUsd: outcome.estimate.known ? formatUsd(outcome.estimate.micros) : 'unknown',
    ...(outcome.estimate.known ? { estimateBasis: outcome.estimate.basis } : {}),
    ...(outcome.actual
      ? { actual: { ...(outcome.actual.micros !== undefined ? { usd: formatUsd(outcome.actual.micros) } : {}), reported: outcome.actual.reported } }
      : {}),
    ...((outcome.result?.providerJobId ?? outcome.providerJobId) ? { providerJobId: outcome.result?.providerJobId ?? outcome.providerJobId } : {}),
    artifacts: (outcome.result?.artifacts ?? []).map((artifact) => copyArtifact(runDir, mediaDir, seq, artifact)),
    ...(outcome.result?.warnings?.length ? { warnings: outcome.result.warnings } : {}),
    ...(outcome.error !== undefined ? { error: outcome.error instanceof Error ? outcome.error.message : String(outcome.error) } : {}),
  };
  const path = join(dir, `${seq}.json`);
  writeFileSync(path, `${redactSecrets(JSON.stringify(record, null, 2))}\n`);
  return path;
}

function copyArtifact(runDir: string, mediaDir: string, seq: string, artifact: Artifact): RecordedArtifact {
  const { storageUrl, type, ...facts } = artifact;
  const source = storageUrl.startsWith('file:') ? fileURLToPath(storageUrl) : undefined;
  let file = redactUrl(storageUrl);
  if (source && existsSync(source)) {
    file = join(mediaDir, `${seq}-${basename(source)}`);
    copyFileSync(source, join(runDir, file));
  }
  return { type, file, ...facts };
}

/** The input as the page shows it: inline files saved by `save`, URLs without query strings, long strings cut. */
function sanitizeInput(value: unknown, field: string, save: (field: string, mimeType: string, bytes: Buffer) => string): unknown {
  if (typeof value === 'string') {
    const data = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(value);
    if (data) {
      const bytes = data[2] ? Buffer.from(data[3], 'base64') : Buffer.from(decodeURIComponent(data[3]));
      return `[file ${save(field || 'input', data[1], bytes)}]`;
    }
    const text = redactUrl(value);
    return text.length > MAX_INPUT_STRING ? `${text.slice(0, MAX_INPUT_STRING)}... (${text.length} characters)` : text;
  }
  if (Array.isArray(value)) return value.map((v, i) => sanitizeInput(v, field ? `${field}.${i}` : String(i), save));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizeInput(v, field ? `${field}.${k}` : k, save)]));
  }
  return value;
}

/** URLs lose their query string and fragment: signed URLs carry their credentials there. */
export function redactUrl(text: string): string {
  return text.replace(/\b(https?:\/\/[^\s"'<>?#]+)[?#][^\s"'<>]*/g, '$1');
}

const EXTENSIONS: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/webp': '.webp',
  'image/gif': '.gif',
  'audio/wav': '.wav',
  'audio/x-wav': '.wav',
  'audio/mpeg': '.mp3',
  'video/mp4': '.mp4',
  'text/plain': '.txt',
};

function extensionFor(mimeType: string): string {
  return EXTENSIONS[mimeType] ?? '.bin';
}
