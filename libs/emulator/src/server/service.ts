/**
 * The emulator as a service: the `boards-emulator` command (bin/boards-emulator.js) and the
 * document it prints. Imports nothing but the emulator, so the published package runs alone.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { controlTokenProblem, isLoopbackHost, randomControlToken } from '../kernel/control-token';
import { parseUpstreams } from './proxy';
import { loadRecording, type LoadedRecording } from '../kernel/recording';
import type { ProviderModule } from '../kernel/provider';
import type { EmulatorOptions, JobDuration, ServerEmulator as Emulator } from '../kernel/types';
import { ApiTable } from './apis';
import { startServer } from './start';

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
  /** `--version`: print the package version and exit. */
  version?: boolean;
  /** `--control-token T`: the bearer token the control API requires (else BOARDS_EMULATOR_CONTROL_TOKEN). */
  controlToken?: string;
}

/** The environment variable that gives the control token when `--control-token` does not. */
export const CONTROL_TOKEN_VARIABLE = 'BOARDS_EMULATOR_CONTROL_TOKEN';

/** A bad command line: the message names the flag; exit status 2. */
export class ServiceUsageError extends Error {
  override name = 'ServiceUsageError';
}

/** The `--help` text for an emulator of `providers`. */
export function serviceHelp(providers: readonly ProviderModule[]): string {
  const apis = new ApiTable(providers);
  const groups = providers.flatMap((m) => (m.upstreamGroup ? [`${m.upstreamGroup.name} (${m.upstreamGroup.name}'s APIs from one root)`] : []));
  return `Usage: boards-emulator [--host H] [--port N] [--job-ms N] [--json] [--quiet]
                       [--upstream provider=URL ...] [--record-to DIR] [--upstream-timeout-ms N] [--replay FILE]
                       [--control-token T] [--help] [--version]

Serves the HTTP APIs of ${providers.map((m) => m.id).join(', ')} for the official SDKs, until SIGTERM or Ctrl-C.

  --host H     interface to bind (default 127.0.0.1; 0.0.0.0 for every interface). Off loopback the
               emulator is reachable from other machines: the control API then requires a token
  --port N     TCP port, 0 for one chosen by the OS (default 0)
  --job-ms N   simulated provider work time of each job, ms (default: a realistic time per model, a tenth
               of its typical latency, so queued, running and cancel paths run; 0 = instant)
  --json       print one JSON document {url, baseUrls: {<provider>: URL}, controlUrl[, controlToken]}
               on stdout instead of the text lines
  --quiet      no request log on stderr
  --upstream provider=URL
               proxy mode: forward that provider's requests to URL with the caller's own credentials and
               return its answers; provider: ${apis.entries
                 .filter((e) => e.module)
                 .map((e) => `${e.api} (served at ${e.path})`)
                 .join(', ')}${groups.length ? `, or ${groups.join(', ')}` : ''}. Repeat for each provider.
  --record-to DIR
               with --upstream: save a scrubbed recording per test id (x-boards-test-id) and provider in DIR,
               replayable with --replay
  --upstream-timeout-ms N
               deadline of one upstream call (default 90000)
  --replay FILE
               serve a recording (answers in recorded order, 501 for anything not recorded)
  --control-token T
               bearer token the control API (/__emulator) requires: Authorization: Bearer T, else 401
               (default: $BOARDS_EMULATOR_CONTROL_TOKEN; off loopback without either, a random one, printed
               at startup; on loopback without either, none)
  -h, --help   this text
  --version    the package version

Health: GET <url>/__emulator/health. SIGTERM or SIGINT closes the server and exits 0.`;
}

const VALUE_FLAGS = ['host', 'port', 'job-ms', 'upstream', 'record-to', 'upstream-timeout-ms', 'replay', 'control-token'] as const;
const BOOLEAN_FLAGS = ['json', 'quiet', 'help', 'version'] as const;

function integerFlag(flag: string, text: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) > max) throw new ServiceUsageError(`--${flag} must be an integer from 0 to ${max}, not "${text}"`);
  return Number(text);
}

/** Parses `boards-emulator` arguments (`--flag value` or `--flag=value`). */
/** The flags, for node:util's parseArgs: every value flag a string (`--upstream` repeats), `-h` for help. */
const FLAG_SPECS = {
  ...Object.fromEntries(VALUE_FLAGS.map((name) => [name, { type: 'string' as const, multiple: name === 'upstream' }])),
  ...Object.fromEntries(BOOLEAN_FLAGS.map((name) => [name, { type: 'boolean' as const, ...(name === 'help' ? { short: 'h' } : {}) }])),
};

/** parseArgs' errors, said the way the rest of this command says them. */
function usageErrorOf(error: NodeJS.ErrnoException): ServiceUsageError {
  const flag = /'(-{1,2}[A-Za-z0-9-]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new ServiceUsageError(`boards-emulator takes no arguments (got "${/'([^']*)'/.exec(error.message)?.[1] ?? '?'}"); see --help`);
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new ServiceUsageError(`unknown flag ${flag}; see --help`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new ServiceUsageError(/does not take an argument/.test(error.message) ? `${flag} takes no value` : `${flag} needs a value`);
    default:
      return new ServiceUsageError(error.message);
  }
}

/** `--job-ms -1` is a value flag given a negative number (refused by its own check), not a flag missing its value. */
function negativeValuesInline(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : undefined;
    if (name && (VALUE_FLAGS as readonly string[]).includes(name) && /^-\d/.test(argv[i + 1] ?? '')) out.push(`${argv[i]}=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

export function parseServiceArgs(argv: readonly string[], providers: readonly ProviderModule[]): ServiceOptions {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof FLAG_SPECS; strict: true; allowPositionals: false }>>;
  try {
    parsed = parseArgs({ args: negativeValuesInline(argv), options: FLAG_SPECS, strict: true, allowPositionals: false });
  } catch (error) {
    throw usageErrorOf(error as NodeJS.ErrnoException);
  }
  const values = new Map(Object.entries(parsed.values).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const upstream = (parsed.values.upstream as string[] | undefined) ?? [];
  const booleans = new Set(
    Object.entries(parsed.values)
      .filter(([, v]) => v === true)
      .map(([k]) => k),
  );
  const host = values.get('host') ?? '127.0.0.1';
  if (host.trim() === '') throw new ServiceUsageError('--host must not be empty');
  try {
    parseUpstreams(upstream, new ApiTable(providers));
  } catch (error) {
    throw new ServiceUsageError(`--${(error as Error).message}`);
  }
  const recordTo = values.get('record-to');
  if (recordTo !== undefined && upstream.length === 0) throw new ServiceUsageError('--record-to needs --upstream: it records what the upstream answers');
  if (values.has('replay') && upstream.length > 0)
    throw new ServiceUsageError('--replay and --upstream do not go together: a replay answers from the recording');
  const controlToken = values.get('control-token');
  const tokenProblem = controlToken === undefined ? undefined : controlTokenProblem(controlToken);
  if (tokenProblem) throw new ServiceUsageError(`--control-token ${tokenProblem}`);
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
    ...(booleans.has('version') ? { version: true } : {}),
    ...(controlToken !== undefined ? { controlToken } : {}),
  };
}

/** The version in the package's package.json (next to src/ and dist/ alike). */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '../..', 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** What `boards-emulator --json` (and `npx boards emulator --json`) print about a running emulator. */
export interface EmulatorDocument {
  url: string;
  /** By provider id: every emulated provider's base URL. */
  baseUrls: Record<string, string>;
  controlUrl: string;
  /** The control API's bearer token, when the service generated one (a token the caller gave is not repeated). */
  controlToken?: string;
}

export function emulatorDocument(emulator: Pick<Emulator, 'url' | 'baseUrls'>, generatedControlToken?: string): EmulatorDocument {
  return {
    url: emulator.url,
    baseUrls: { ...emulator.baseUrls },
    controlUrl: `${emulator.url}/__emulator`,
    ...(generatedControlToken !== undefined ? { controlToken: generatedControlToken } : {}),
  };
}

/** Where the service writes, and how it learns it must stop (default: process streams and SIGTERM/SIGINT). */
export interface ServiceIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Calls `stop` once when the service must shut down. */
  onShutdown(stop: () => void): void;
  /** Where BOARDS_EMULATOR_CONTROL_TOKEN is read (default for the process: process.env; none when absent). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Starts the emulator (default startEmulator): a test can see the options without binding a host. */
  start?: (options: EmulatorOptions) => Promise<Emulator>;
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
    ...(doc.controlToken !== undefined ? [`  control token ${doc.controlToken}  (send Authorization: Bearer <token> to the control API)`] : []),
  ];
}

const processIo: ServiceIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  onShutdown: onShutdownSignal,
  env: process.env,
};

/** The listen failures of a server (anything else is not the address's fault). */
const LISTEN_REASONS: Record<string, string> = { EADDRINUSE: 'in use', EACCES: 'permission denied', EADDRNOTAVAIL: 'no such address' };

/**
 * Runs `boards-emulator`: starts the emulator, prints its URLs, serves until shutdown, then
 * closes the server. Resolves the exit status (0 after a clean stop, 1 when it cannot listen,
 * 2 for a bad command line).
 */
export async function runEmulatorService(argv: readonly string[], providers: readonly ProviderModule[], io: ServiceIo = processIo): Promise<number> {
  let options: ServiceOptions;
  try {
    options = parseServiceArgs(argv, providers);
  } catch (error) {
    if (!(error instanceof ServiceUsageError)) throw error;
    io.stderr(`boards-emulator: ${error.message}\n`);
    return 2;
  }
  if (options.help) {
    io.stdout(`${serviceHelp(providers)}\n`);
    return 0;
  }
  if (options.version) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const usage = (message: string) => {
    io.stderr(`boards-emulator: ${message}\n`);
    return 2;
  };
  if (options.recordTo !== undefined && existsAsNonDirectory(options.recordTo)) return usage(`--record-to ${options.recordTo} is not a directory`);
  const envToken = io.env?.[CONTROL_TOKEN_VARIABLE] || undefined;
  const envTokenProblem = envToken === undefined ? undefined : controlTokenProblem(envToken);
  if (envTokenProblem) return usage(`${CONTROL_TOKEN_VARIABLE} ${envTokenProblem}`);
  const loopback = isLoopbackHost(options.host);
  // Off loopback, the control API (faults, the request log) is open to the network: never without a token.
  const generatedToken = options.controlToken === undefined && envToken === undefined && !loopback ? randomControlToken() : undefined;
  const controlToken = options.controlToken ?? envToken ?? generatedToken;
  let replay: LoadedRecording | undefined;
  try {
    replay = options.replay ? loadRecording(options.replay) : undefined;
  } catch (error) {
    return usage(`--replay ${options.replay}: ${(error as Error).message}`);
  }
  // Even with --quiet: a recording that points out of its folder is worth a word.
  for (const refused of replay?.refused ?? []) io.stderr(`boards-emulator: warning: --replay ${options.replay}: ${refused}\n`);
  let emulator: Emulator;
  try {
    const log = options.quiet ? undefined : (line: string) => (line.startsWith('emulator listening') ? undefined : io.stderr(`${line}\n`));
    emulator = await (io.start ?? ((o: EmulatorOptions) => startServer(providers, o)))({
      host: options.host,
      port: options.port,
      jobDurationMs: options.jobDurationMs,
      log,
      ...(controlToken !== undefined ? { controlToken } : {}),
      ...(options.upstream ? { upstream: options.upstream, recordTo: options.recordTo, upstreamTimeoutMs: options.upstreamTimeoutMs } : {}),
      ...(replay ? { replay } : {}),
    });
  } catch (error) {
    const { code, syscall } = error as NodeJS.ErrnoException;
    // Only a failure to listen is about the address; anything else says what it is.
    if (syscall === 'listen') {
      io.stderr(`boards-emulator: cannot listen on ${options.host}:${options.port}: ${LISTEN_REASONS[code ?? ''] ?? (error as Error).message}\n`);
    } else {
      io.stderr(`boards-emulator: ${(error as Error).message}\n`);
    }
    return 1;
  }
  const stopped = new Promise<void>((resolve) => io.onShutdown(resolve));
  if (!loopback) {
    io.stderr(
      `boards-emulator: warning: listening on ${options.host}: the emulator is reachable from other machines; ` +
        `its control API (/__emulator) answers only Authorization: Bearer <control token>${generatedToken ? ' (printed on stdout)' : ''}\n`,
    );
  }
  const doc = emulatorDocument(emulator, generatedToken);
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

function existsAsNonDirectory(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}
