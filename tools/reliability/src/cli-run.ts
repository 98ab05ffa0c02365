import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from './workspace';

export interface CliResult {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node tools/cli/bin/boards.js ...args` with exactly `env` (plus PATH and HOME).
 * Asynchronous on purpose: an emulator in this process must keep answering while the child runs.
 */
export function runCli(args: string[], env: Record<string, string>, options: { cwd: string; timeoutMs?: number }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(workspaceRoot, 'tools/cli/bin/boards.js'), ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? options.cwd, CI: 'true', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ args, code, stdout, stderr });
    });
  });
}
