import { readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * A sanitized recording of one live run of a generator: what the provider
 * answered, in order, with no credential and no signed-URL token. The emulator
 * replays it; `@boards/testing` writes it (BOARDS_RECORD=1).
 */
export interface Recording {
  format: 'boards-recording/1';
  provenance: {
    generator: string;
    provider: string;
    model: string;
    /** The SDK and version that made the calls, e.g. "replicate@1.4.0". */
    sdk: string;
    /** YYYY-MM-DD */
    recordedAt: string;
    /** Against the real provider, or the emulator (`-c emulator`). */
    mode: 'live' | 'emulator';
  };
  /** The generator input the run used (replay sends the same). */
  input: unknown;
  exchanges: RecordedExchange[];
}

/** Which API an exchange addressed: one a provider module names (its `apis`), or `files` for output media and uploads (any host). */
export type RecordedApi = string;

export type RecordedBody =
  | { json: unknown }
  | { text: string }
  /** Media kept beside the recording (path relative to the recording file). */
  | { file: string; mimeType: string }
  /** Large media replaced by a generated stand-in of the same kind and size. */
  | { standIn: { mimeType: string; width?: number; height?: number; durationSeconds?: number }; sizeBytes: number }
  | { empty: true };

export interface RecordedExchange {
  api: RecordedApi;
  method: string;
  /** Path below the API's base (e.g. `/predictions/abc`), or `/<n>` for files. */
  path: string;
  /** What was sent, for reading (replay does not match on it). */
  request?: unknown;
  status: number;
  /** Allowlisted response headers only (content type, request id, billing units, Retry-After). */
  headers: Record<string, string>;
  body: RecordedBody;
}

/** In recorded bodies, where the API's origin stood; replay puts its own URL there. */
export const ORIGIN_PLACEHOLDER = '{{origin}}';

export interface LoadedRecording extends Recording {
  /** Folder the recording's media files are relative to. */
  baseDir: string;
  /** Media files that will not be served (outside the folder), said when the recording is loaded. */
  refused: string[];
}

/**
 * Reads a recording. Its media paths must stay inside the recording's folder (a recording is
 * data someone else may have written: `../../etc/passwd` or a link out of the folder is listed in
 * `refused` here, and answered with an error, never served, when replay is asked for it).
 */
export function loadRecording(path: string): LoadedRecording {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Recording;
  if (data.format !== 'boards-recording/1') throw new Error(`${path} is not a boards recording (format ${String(data.format)})`);
  if (!Array.isArray(data.exchanges)) throw new Error(`${path} is not a boards recording (no exchanges list)`);
  const loaded: LoadedRecording = { ...data, baseDir: dirname(path), refused: [] };
  data.exchanges.forEach((exchange, i) => {
    const file = isObjectBody(exchange?.body) && 'file' in exchange.body ? exchange.body.file : undefined;
    if (file === undefined) return;
    if (typeof file !== 'string') throw new Error(`${path}: media file of exchange ${i + 1} is not a string`);
    // Refused when asked for (an error answer, never the file; checked again at every read), and said
    // now; the rest of the recording still replays. A file missing now is answered with an error too.
    const problem = mediaProblem(loaded, file);
    if (problem && problem !== 'missing') loaded.refused.push(`media file ${JSON.stringify(file)} of exchange ${i + 1} ${problem}: it is refused`);
  });
  return loaded;
}

const isObjectBody = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null;

/** Why a recorded media file cannot be served ('missing' when it is not there), or undefined when it can. */
function mediaProblem(recording: LoadedRecording, file: string): string | undefined {
  const folder = resolve(recording.baseDir);
  const lexical = resolve(folder, file);
  if (isAbsolute(file) || !inside(folder, lexical)) return "is outside the recording's folder";
  let real: string;
  try {
    // Links resolved: a link inside the folder that points out of it is outside too.
    real = realpathSync(lexical);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  return inside(realpathSync(folder), real) ? undefined : "is outside the recording's folder";
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** A recorded media file that cannot be served; `message` names it as the recording does (relative to it). */
export class RecordedFileError extends Error {
  override name = 'RecordedFileError';
}

/** The bytes of a recorded media file, only from inside the recording's folder (checked again now: files change). */
export function readRecordedFile(recording: LoadedRecording, file: string): Buffer {
  const problem = mediaProblem(recording, file);
  if (problem === 'missing') throw new RecordedFileError(`media file ${JSON.stringify(file)} (relative to the recording) is missing`);
  if (problem) throw new RecordedFileError(`media file ${JSON.stringify(file)} ${problem}`);
  return readFileSync(realpathSync(resolve(recording.baseDir, file)));
}
