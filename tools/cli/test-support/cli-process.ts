/**
 * Test helper: runs the real `boards` command (bin/boards.js) as a child process, in a
 * temporary directory (so no .env is read) and without any provider key in its environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { keyVariablesOf, providerDescriptors } from '@boards/core';

export const BIN = join(__dirname, '..', 'bin', 'boards.js');

/**
 * Variables that could make a child run live, read a key file, or change defaults: every
 * installed provider's key (and key parts), base-URL override and SDK variables, from the
 * descriptors, and the rig's own settings.
 */
const SCRUBBED = [
  ...providerDescriptors(join(__dirname, '..')).flatMap((d) => [...keyVariablesOf(d), d.baseUrlVariable, ...(d.sdkVariables ?? [])]),
  'BOARDS_GENERATOR_API_KEYS',
  'BOARDS_ENV_FILE',
  'BOARDS_STORAGE_DIR',
  'BOARDS_CONFIRM_ABOVE_USD',
  'BOARDS_EMULATOR_JOB_MS',
  'BOARDS_WORKSPACE_ROOT',
];

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Default: a new empty temporary directory. */
  cwd?: string;
  /** Added to the scrubbed environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
}

export interface RunningCli {
  child: ChildProcess;
  /** Resolves once everything written so far to `stream` (default stderr) matches `pattern`. */
  matches(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<void>;
  /** What the process has written so far. */
  readonly output: { readonly stdout: string; readonly stderr: string };
  done: Promise<CliResult>;
}

const created: string[] = [];

/** A new temporary directory, removed by removeTempDirs(). */
export function tempDir(prefix = 'boards-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/**
 * A temporary workspace of planted generators: `packages/<id>` for each id, its package's `main` the fixture module
 * `<fixtures>/<id>.ts` (which exports `generator`). Returns its root, for BOARDS_WORKSPACE_ROOT.
 */
export function plantedWorkspace(fixtures: string, ids: string[], prefix = 'boards-planted-'): string {
  const root = tempDir(prefix);
  writeFileSync(join(root, 'package.json'), '{"name":"planted","private":true,"workspaces":["packages/*"]}');
  for (const id of ids) {
    mkdirSync(join(root, 'packages', id), { recursive: true });
    const main = join(fixtures, `${id}.ts`);
    writeFileSync(join(root, 'packages', id, 'package.json'), JSON.stringify({ name: `@planted/${id}`, main, boards: { generator: id } }));
  }
  return root;
}

/** Removes every directory tempDir() made in this test file (call it in afterAll). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** This process's environment without the SCRUBBED variables, with `options.env` applied. */
function cliEnv(options: CliOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SCRUBBED) delete env[name];
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export function startCli(args: string[], options: CliOptions = {}): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? tempDir(), env: cliEnv(options), stdio: ['ignore', 'pipe', 'pipe'] });
  const text = { stdout: '', stderr: '' };
  const waiters: Array<{ pattern: RegExp; stream: 'stdout' | 'stderr'; resolve: () => void }> = [];
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream]?.on('data', (chunk: Buffer) => {
      text[stream] += chunk.toString();
      for (const waiter of waiters.filter((w) => w.stream === stream && w.pattern.test(text[stream]))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  }
  const done = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, ...text })));
  return {
    child,
    done,
    output: text,
    matches: (pattern, stream = 'stderr') =>
      pattern.test(text[stream])
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            waiters.push({ pattern, stream, resolve });
            done.then((r) => reject(new Error(`the CLI exited (${r.code}) before ${stream} matched ${pattern}:\n${r.stderr}`)));
          }),
  };
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).done;
}

/**
 * The same command line run in this process (cli.ts `runCli` with the same scrubbed environment
 * and directory, its output captured): for tests of what a command prints and returns that call
 * no provider, where a new process per run would only add its start-up. Commands that generate
 * (their adapters read the process environment), that take signals or that spawn Nx keep to
 * `runCli`, the real process.
 */
export async function runCliInProcess(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const text = { stdout: '', stderr: '' };
  const sink = (stream: 'stdout' | 'stderr') =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        text[stream] += chunk.toString();
        done();
      },
    });
  // Loaded on first use: the files that only spawn the CLI do not load all of it.
  const { runCli: runInProcess } = await import('../src/cli');
  const code = await runInProcess(args, cliEnv(options), options.cwd ?? tempDir(), { stdout: sink('stdout'), stderr: sink('stderr') });
  return { code, signal: null, ...text };
}
