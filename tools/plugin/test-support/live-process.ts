/**
 * Test support for the integration tier: live runs started the way a user starts them (a real
 * `nx` process in a process group of its own, the user's environment) against an external emulator
 * (`boards emulator`), with the emulator's request log as the witness.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const workspaceRoot = join(__dirname, '../../..');
const boards = join(workspaceRoot, 'tools/cli/bin/boards.js');

export interface EmulatorDoc {
  controlUrl: string;
  url: string;
  baseUrls: Record<string, string>;
}

export interface LoggedRequest {
  provider: string;
  operation: string;
  path: string;
  query?: Record<string, string>;
  credential?: string;
}

/** Polls `probe` until it gives a value, every 200 ms, for at most `ms`. */
export async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `boards emulator --json` as a process of its own; stop it with `process.kill()`. */
export async function startExternalEmulator(): Promise<{ process: ChildProcess; doc: EmulatorDoc; control: ExternalControl }> {
  const child = spawn(process.execPath, [boards, 'emulator', '--port', '0', '--job-ms', '0', '--json', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const doc = await until('boards emulator --json', 30_000, () => {
    try {
      return JSON.parse(out) as EmulatorDoc;
    } catch {
      return undefined;
    }
  });
  return { process: child, doc, control: new ExternalControl(doc.controlUrl) };
}

/** The emulator's JSON control API. */
export class ExternalControl {
  constructor(private readonly url: string) {}

  send(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.url}/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** The provider requests it received (control calls left out). */
  async requests(): Promise<LoggedRequest[]> {
    const raw = (await (await this.send('GET', 'requests')).json()) as LoggedRequest[] | { requests: LoggedRequest[] };
    return (Array.isArray(raw) ? raw : raw.requests).filter((r) => r.provider !== 'control');
  }
}

/** The environment of a user's shell: no variable of the Nx task or live run the test itself runs in, no key. */
export function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keys = /^(REPLICATE_API_TOKEN|FAL_KEY|FAL_KEY_ID|FAL_KEY_SECRET|OPENAI_API_KEY|KIE_API_KEY|BOARDS_GENERATOR_API_KEYS)$/;
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NX_|BOARDS_|JEST_)/.test(k) && !keys.test(k)));
  return { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true', ...extra };
}

/** `nx run-many -t test-live` in `cwd`, in a process group of its own, as a terminal starts it. */
export function liveRun(projects: string[], env: Record<string, string>, cwd = workspaceRoot) {
  const nx = join(cwd, 'node_modules/nx/dist/bin/nx.js');
  const child = spawn(
    process.execPath,
    [nx, 'run-many', '-t', 'test-live', `--projects=${projects.join(',')}`, `--parallel=${projects.length}`, '--skip-nx-cache'],
    {
      cwd,
      env: userEnv(env),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return { child, exited, output: () => output };
}
