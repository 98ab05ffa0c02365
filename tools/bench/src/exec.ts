import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** CPU time (user + system) of the command and every process under it, in ms (NaN off Linux). */
  cpuMs: number;
}

/**
 * CPU time of this process's waited-for children, and theirs, in ms: /proc/self/stat's cutime and
 * cstime (clock ticks, 100 a second on Linux). A command's CPU is the difference across its run.
 */
export function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // After the command name in parentheses: field 3 (state) first, so cutime and cstime (16, 17) are 13 and 14.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
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
    const cpuBefore = childrenCpuMs();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10 * 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started, cpuMs: childrenCpuMs() - cpuBefore });
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
