/**
 * `boards drift --recordings`: replays every recorded live exchange (packages/<generator>/
 * __fixtures__/recordings, written by BOARDS_RECORD=1 live runs) against the emulator and lists
 * where the emulator answers differently: a field the provider sent and the emulator does not
 * (MISSING), another JSON type (TYPE), another HTTP status (VALUE). Recordings made against the
 * emulator are never counted as evidence.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { providerDescriptors, type ProviderApi } from '@boards/core';
import { loadRecording, ORIGIN_PLACEHOLDER, replayPrefix, type LoadedRecording, type RecordedExchange } from '@boards/emulator';
import { MAX_SCHEMA_BYTES, readBody } from './bounded-fetch';

export type Verdict = 'MISSING' | 'TYPE' | 'VALUE';

export interface RecordingRow {
  recording: string;
  /** `METHOD path` of the recorded exchange. */
  exchange: string;
  field: string;
  recorded: string;
  emulator: string;
  verdict: Verdict;
}

export interface RecordingsReport {
  rows: RecordingRow[];
  /** Recordings replayed (live provenance). */
  replayed: string[];
  /** Recordings not counted, with the reason. */
  skipped: Array<{ recording: string; reason: string }>;
}

/** Every installed provider's APIs by recorded `api` name: how a replay authorizes and what headers the adapter would add. */
function apisByName(): Map<string, ProviderApi> {
  return new Map(providerDescriptors().flatMap((d) => d.apis.map((api): [string, ProviderApi] => [api.api, api])));
}
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const show = (v: unknown) => {
  const s = v === undefined ? '-' : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

/** Every recording file under packages/<name>/__fixtures__/recordings of the workspace. */
export function findAllRecordings(root: string): string[] {
  const packages = join(root, 'packages');
  if (!existsSync(packages)) return [];
  return readdirSync(packages)
    .map((name) => join(packages, name, '__fixtures__', 'recordings'))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(dir, f)),
    );
}

/** Rows for the fields of `recorded` the emulator's `answer` lacks or types differently (extra fields are fine). */
function walk(
  rows: RecordingRow[],
  base: Omit<RecordingRow, 'field' | 'recorded' | 'emulator' | 'verdict'>,
  path: string,
  recorded: unknown,
  answer: unknown,
): void {
  if (answer === undefined) {
    rows.push({ ...base, field: path, recorded: show(recorded), emulator: '-', verdict: 'MISSING' });
    return;
  }
  if (typeOf(recorded) !== typeOf(answer)) {
    rows.push({ ...base, field: path, recorded: show(recorded), emulator: show(answer), verdict: 'TYPE' });
    return;
  }
  if (Array.isArray(recorded) && recorded.length > 0 && Array.isArray(answer) && answer.length > 0) walk(rows, base, `${path}[0]`, recorded[0], answer[0]);
  if (typeOf(recorded) === 'object') {
    for (const [k, v] of Object.entries(recorded as Record<string, unknown>)) walk(rows, base, `${path}.${k}`, v, (answer as Record<string, unknown>)[k]);
  }
}

/** Recorded job ids (the API's `jobIdFields` of an answer) -> the emulator's, so polls address the replayed job. */
function learnIds(ids: Map<string, string>, api: ProviderApi | undefined, recorded: unknown, answer: unknown): void {
  if (!recorded || typeof recorded !== 'object' || !answer || typeof answer !== 'object') return;
  for (const key of api?.jobIdFields ?? []) {
    const r = (recorded as Record<string, unknown>)[key];
    const a = (answer as Record<string, unknown>)[key];
    if (typeof r === 'string' && typeof a === 'string') ids.set(r, a);
  }
}

function mapPath(path: string, ids: Map<string, string>): string {
  return path
    .split('/')
    .map((segment) => ids.get(segment) ?? segment)
    .join('/');
}

/** A status poll (its API's `statusPoll` paths) answers 202 while the job runs and 200 when done: which one is timing, not shape. */
const isStatusPoll = (api: ProviderApi | undefined, e: RecordedExchange) => api?.statusPoll?.test(e.path) === true;

async function replayOne(recording: LoadedRecording, name: string, emulatorUrl: string, rows: RecordingRow[]): Promise<void> {
  const ids = new Map<string, string>();
  const apis = apisByName();
  for (const exchange of recording.exchanges) {
    if (exchange.api === 'files') continue; // media bytes: checked by the generators' replay tests
    const path = mapPath(exchange.path, ids);
    const base = { recording: name, exchange: `${exchange.method} ${exchange.path}` };
    const api = apis.get(exchange.api);
    const headers: Record<string, string> = { authorization: api?.replayAuthorization ?? 'Bearer drift' };
    let body: string | undefined;
    if (exchange.method !== 'GET' && exchange.method !== 'HEAD' && exchange.request !== undefined && exchange.request !== null) {
      body = JSON.stringify(exchange.request);
      headers['content-type'] = 'application/json';
    }
    // Headers the adapter sends on this request (e.g. a blocking wait on a create): so does the replay.
    Object.assign(headers, api?.replayHeaders?.(exchange.method, exchange.path));
    const response = await fetch(`${emulatorUrl}${replayPrefix(exchange.api)}${path}`, {
      method: exchange.method,
      headers,
      body,
      signal: AbortSignal.timeout(70_000),
    });
    // --emulator-url may point anywhere: an answer is read within the bound a published schema is.
    const text = await readBody(response, `${emulatorUrl}${path}`, MAX_SCHEMA_BYTES, `the answer to ${exchange.method} ${exchange.path}`);
    if (response.status !== exchange.status && !(isStatusPoll(api, exchange) && [200, 202].includes(response.status))) {
      rows.push({ ...base, field: 'HTTP status', recorded: String(exchange.status), emulator: String(response.status), verdict: 'VALUE' });
    }
    if (!('json' in exchange.body)) continue;
    let answer: unknown;
    try {
      answer = JSON.parse(text.split(emulatorUrl).join(ORIGIN_PLACEHOLDER));
    } catch {
      rows.push({ ...base, field: 'body', recorded: 'JSON', emulator: show(text), verdict: 'TYPE' });
      continue;
    }
    learnIds(ids, api, exchange.body.json, answer);
    walk(rows, base, 'body', exchange.body.json, answer);
  }
}

/** Replays every live recording of the workspace against the emulator at `emulatorUrl`. */
export async function compareRecordings(root: string, emulatorUrl: string): Promise<RecordingsReport> {
  const report: RecordingsReport = { rows: [], replayed: [], skipped: [] };
  for (const file of findAllRecordings(root)) {
    const name = relative(root, file);
    let recording: LoadedRecording;
    try {
      recording = loadRecording(file);
    } catch (error) {
      report.skipped.push({ recording: name, reason: `unreadable: ${(error as Error).message}` });
      continue;
    }
    if (recording.provenance.mode !== 'live') {
      report.skipped.push({
        recording: name,
        reason: `${recording.provenance.mode} provenance: made against the emulator, not evidence of what ${recording.provenance.provider} answers`,
      });
      continue;
    }
    report.replayed.push(name);
    await replayOne(recording, name, emulatorUrl.replace(/\/+$/, ''), report.rows);
  }
  return report;
}
