import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emulatorSettings } from '@boards/config';
import type { BoardsSettings } from '@boards/core';
import type { RecordedRequest } from '@boards/emulator';

export interface EmulatorProcess {
  url: string;
  /** By provider name, every emulated provider's base URL. */
  baseUrls: Record<string, string>;
  setJobDurationMs(ms: number): Promise<void>;
  clearRequests(): Promise<void>;
  requests(): Promise<RecordedRequest[]>;
  /** CPU seconds the emulator process has used so far (user + system), or undefined where /proc cannot tell. */
  cpuSeconds(): number | undefined;
  stop(): Promise<void>;
}

/** CPU seconds (user + system) of a process from /proc/<pid>/stat (Linux), or undefined. */
export function processCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is 14th, stime 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return undefined;
  }
}

let ticks: number | undefined;
function clockTicks(): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticks;
}

/**
 * The emulator in a process of its own, so that its media synthesis and the clients under
 * measurement each get a core instead of sharing one event loop. Driven through its control API.
 */
export async function startEmulatorProcess(workspace: string, jobDurationMs: number): Promise<EmulatorProcess> {
  const script = `require('@swc-node/register');
require(${JSON.stringify(join(workspace, 'libs/emulator/src/index.ts'))}).startEmulator({ jobDurationMs: ${jobDurationMs} })
  .then((e) => process.stdout.write(JSON.stringify({ url: e.url, baseUrls: e.baseUrls }) + '\\n'));`;
  const child: ChildProcess = spawn(process.execPath, ['-e', script], { cwd: workspace, stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    child.once('exit', (code) => reject(new Error(`the emulator process exited (${code}) before listening`)));
  });
  const info = JSON.parse(first) as { url: string; baseUrls: Record<string, string> };
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${info.url}/__emulator/${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`emulator control ${method} ${path}: ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  return {
    url: info.url,
    baseUrls: info.baseUrls,
    setJobDurationMs: async (ms) => void (await control('PUT', 'job-duration', { ms })),
    clearRequests: async () => void (await control('DELETE', 'requests')),
    requests: async () => (await control('GET', 'requests')) as RecordedRequest[],
    cpuSeconds: () => processCpuSeconds(child.pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

/**
 * Settings that point every installed adapter at the emulator with its dummy key, the way a user's
 * variables would (each descriptor's base URL and key), handed to each generation's context. Unlike
 * `-c emulator` runs, a blocking call's wait stays at the provider's default: the bench measures the
 * adapters as they run against a provider.
 */
export function adapterSettings(emulator: EmulatorProcess): BoardsSettings {
  return emulatorSettings(emulator, { waits: 'provider' });
}
