import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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

/** Which API an exchange addressed; `files` is output media and uploads (any host). */
export type RecordedApi = 'replicate' | 'fal-queue' | 'fal-rest' | 'fal-run' | 'openai' | 'files';

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
}

export function loadRecording(path: string): LoadedRecording {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Recording;
  if (data.format !== 'boards-recording/1') throw new Error(`${path} is not a boards recording (format ${String(data.format)})`);
  return { ...data, baseDir: dirname(path) };
}

export function readRecordedFile(recording: LoadedRecording, file: string): Buffer {
  return readFileSync(join(recording.baseDir, file));
}
