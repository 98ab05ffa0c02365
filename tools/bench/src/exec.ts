import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Nx settings for every run the bench makes: no daemon, no cloud, no TUI. */
export const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true', FORCE_COLOR: '0' };

/** Runs a command to completion (asynchronously: an emulator in this process keeps answering). */
export function exec(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined>; timeoutMs?: number },
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10 * 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** `nx <args>` in `workspace`, through its own nx binary. */
export function nx(workspace: string, args: readonly string[], env: Record<string, string> = {}, timeoutMs?: number): Promise<ExecResult> {
  return exec(process.execPath, [join(workspace, 'node_modules/nx/dist/bin/nx.js'), ...args], { cwd: workspace, env: { ...NX_ENV, ...env }, timeoutMs });
}

/** The last lines of a failed command's output, for a "not measured" note. */
export function tail(result: ExecResult, lines = 3): string {
  return `${result.stdout}\n${result.stderr}`
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-lines)
    .join(' / ');
}
