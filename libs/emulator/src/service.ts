/**
 * The emulator as a service: the `boards-emulator` command (bin/boards-emulator.js) and the
 * document it prints. Imports nothing but the emulator, so the published package runs alone.
 */
import { parseUpstreams } from './proxy';
import { loadRecording, type LoadedRecording } from './recording';
import { startEmulator } from './server';
import type { Emulator, JobDuration } from './types';

/** Options of `boards-emulator`, parsed by {@link parseServiceArgs}. */
export interface ServiceOptions {
  host: string;
  port: number;
  jobDurationMs: JobDuration;
  json: boolean;
  quiet: boolean;
  help: boolean;
  /** `--upstream provider=URL`, each given (proxy mode). */
  upstream?: string[];
  recordTo?: string;
  upstreamTimeoutMs?: number;
  /** `--replay FILE`: serve this recording instead of emulating. */
  replay?: string;
}

/** A bad command line: the message names the flag; exit status 2. */
export class ServiceUsageError extends Error {
  override name = 'ServiceUsageError';
}

export const SERVICE_HELP = `Usage: boards-emulator [--host H] [--port N] [--job-ms N] [--json] [--quiet]
                       [--upstream provider=URL ...] [--record-to DIR] [--upstream-timeout-ms N] [--replay FILE]

Serves the Replicate, fal.ai and OpenAI HTTP APIs for the official SDKs, until SIGTERM or Ctrl-C.

  --host H     interface to bind (default 127.0.0.1; 0.0.0.0 for every interface)
  --port N     TCP port, 0 for one chosen by the OS (default 0)
  --job-ms N   simulated provider work time of each job, ms (default: a realistic time per model, a tenth
               of its typical latency, so queued, running and cancel paths run; 0 = instant)
  --json       print one JSON document {url, baseUrls: {replicate, fal, openai}, controlUrl}
               on stdout instead of the text lines
  --quiet      no request log on stderr
  --upstream provider=URL
               proxy mode: forward that provider's requests to URL with the caller's own credentials and
               return its answers; provider: replicate (URL with /v1), openai (URL with /v1), fal
               (https://fal.run for the real fal; another URL is laid out as the emulator's /fal),
               fal-queue, fal-run, fal-rest. Repeat for each provider.
  --record-to DIR
               with --upstream: save a scrubbed recording per test id (x-boards-test-id) and provider in DIR,
               replayable with --replay
  --upstream-timeout-ms N
               deadline of one upstream call (default 90000)
  --replay FILE
               serve a recording (answers in recorded order, 501 for anything not recorded)
  --help       this text

Health: GET <url>/__emulator/health. SIGTERM or SIGINT closes the server and exits 0.`;

const VALUE_FLAGS = ['host', 'port', 'job-ms', 'upstream', 'record-to', 'upstream-timeout-ms', 'replay'] as const;
const BOOLEAN_FLAGS = ['json', 'quiet', 'help'] as const;

function integerFlag(flag: string, text: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) > max) throw new ServiceUsageError(`--${flag} must be an integer from 0 to ${max}, not "${text}"`);
  return Number(text);
}

/** Parses `boards-emulator` arguments (`--flag value` or `--flag=value`). */
export function parseServiceArgs(argv: readonly string[]): ServiceOptions {
  const values = new Map<string, string>();
  const upstream: string[] = [];
  const booleans = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new ServiceUsageError(`boards-emulator takes no arguments (got "${arg}"); see --help`);
    const [, name, inline] = match;
    if ((BOOLEAN_FLAGS as readonly string[]).includes(name)) {
      if (inline !== undefined) throw new ServiceUsageError(`--${name} takes no value`);
      booleans.add(name);
    } else if ((VALUE_FLAGS as readonly string[]).includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new ServiceUsageError(`--${name} needs a value`);
      if (name === 'upstream') upstream.push(value);
      else values.set(name, value);
    } else {
      throw new ServiceUsageError(`unknown flag --${name}; see --help`);
    }
  }
  const host = values.get('host') ?? '127.0.0.1';
  if (host.trim() === '') throw new ServiceUsageError('--host must not be empty');
  try {
    parseUpstreams(upstream);
  } catch (error) {
    throw new ServiceUsageError(`--${(error as Error).message}`);
  }
  const recordTo = values.get('record-to');
  if (recordTo !== undefined && upstream.length === 0) throw new ServiceUsageError('--record-to needs --upstream: it records what the upstream answers');
  if (values.has('replay') && upstream.length > 0)
    throw new ServiceUsageError('--replay and --upstream do not go together: a replay answers from the recording');
  return {
    host,
    port: values.has('port') ? integerFlag('port', values.get('port') as string, 65535) : 0,
    jobDurationMs: values.has('job-ms') ? integerFlag('job-ms', values.get('job-ms') as string, 3_600_000) : 'realistic',
    json: booleans.has('json'),
    quiet: booleans.has('quiet'),
    help: booleans.has('help'),
    ...(upstream.length > 0 ? { upstream } : {}),
    ...(recordTo !== undefined ? { recordTo } : {}),
    ...(values.has('upstream-timeout-ms')
      ? { upstreamTimeoutMs: Math.max(1, integerFlag('upstream-timeout-ms', values.get('upstream-timeout-ms') as string, 3_600_000)) }
      : {}),
    ...(values.has('replay') ? { replay: values.get('replay') as string } : {}),
  };
}

/** What `boards-emulator --json` (and `npx boards emulator --json`) print about a running emulator. */
export interface EmulatorDocument {
  url: string;
  /** By provider id: every emulated provider's base URL. */
  baseUrls: Record<string, string>;
  controlUrl: string;
}

export function emulatorDocument(emulator: Pick<Emulator, 'url' | 'baseUrls'>): EmulatorDocument {
  return {
    url: emulator.url,
    baseUrls: { ...emulator.baseUrls },
    controlUrl: `${emulator.url}/__emulator`,
  };
}

/** Where the service writes, and how it learns it must stop (default: process streams and SIGTERM/SIGINT). */
export interface ServiceIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Calls `stop` once when the service must shut down. */
  onShutdown(stop: () => void): void;
}

/** Calls `stop` once, on the process's first SIGTERM or SIGINT. */
export function onShutdownSignal(stop: () => void): void {
  const handler = () => {
    process.off('SIGTERM', handler);
    process.off('SIGINT', handler);
    stop();
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

/** The text lines naming a running emulator's URLs (without --json). */
export function emulatorUrlLines(doc: EmulatorDocument): string[] {
  return [
    `emulator listening on ${doc.url}`,
    ...Object.entries(doc.baseUrls).map(([id, url]) => `  ${id.padEnd(10)} ${url}`),
    `  control    ${doc.controlUrl}  (GET health, GET|DELETE requests, GET|POST|DELETE faults, PUT job-duration)`,
  ];
}

const processIo: ServiceIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  onShutdown: onShutdownSignal,
};

/**
 * Runs `boards-emulator`: starts the emulator, prints its URLs, serves until shutdown, then
 * closes the server. Resolves the exit status (0 after a clean stop, 1 when it cannot listen,
 * 2 for a bad command line).
 */
export async function runEmulatorService(argv: readonly string[], io: ServiceIo = processIo): Promise<number> {
  let options: ServiceOptions;
  try {
    options = parseServiceArgs(argv);
  } catch (error) {
    if (!(error instanceof ServiceUsageError)) throw error;
    io.stderr(`boards-emulator: ${error.message}\n`);
    return 2;
  }
  if (options.help) {
    io.stdout(`${SERVICE_HELP}\n`);
    return 0;
  }
  let replay: LoadedRecording | undefined;
  try {
    replay = options.replay ? loadRecording(options.replay) : undefined;
  } catch (error) {
    io.stderr(`boards-emulator: --replay ${options.replay}: ${(error as Error).message}\n`);
    return 2;
  }
  let emulator: Emulator;
  try {
    const log = options.quiet ? undefined : (line: string) => (line.startsWith('emulator listening') ? undefined : io.stderr(`${line}\n`));
    emulator = await startEmulator({
      host: options.host,
      port: options.port,
      jobDurationMs: options.jobDurationMs,
      log,
      ...(options.upstream ? { upstream: options.upstream, recordTo: options.recordTo, upstreamTimeoutMs: options.upstreamTimeoutMs } : {}),
      ...(replay ? { replay } : {}),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE' ? 'in use' : code === 'EACCES' ? 'permission denied' : code === 'EADDRNOTAVAIL' ? 'no such address' : (error as Error).message;
    io.stderr(`boards-emulator: cannot listen on ${options.host}:${options.port}: ${reason}\n`);
    return 1;
  }
  const stopped = new Promise<void>((resolve) => io.onShutdown(resolve));
  const doc = emulatorDocument(emulator);
  if (options.json) {
    io.stdout(`${JSON.stringify(doc)}\n`);
  } else {
    io.stdout([...emulatorUrlLines(doc), 'SIGTERM or Ctrl-C stops it.', ''].join('\n'));
  }
  await stopped;
  if (!options.quiet) io.stderr('boards-emulator: stopping\n');
  await emulator.stop();
  return 0;
}
