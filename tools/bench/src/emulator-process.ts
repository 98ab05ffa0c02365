import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { providerDescriptors } from '@boards/core';
import type { RecordedRequest } from '@boards/emulator';

export interface EmulatorProcess {
  url: string;
  /** By provider name, every emulated provider's base URL. */
  baseUrls: Record<string, string>;
  setJobDurationMs(ms: number): Promise<void>;
  clearRequests(): Promise<void>;
  requests(): Promise<RecordedRequest[]>;
  stop(): Promise<void>;
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
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

/**
 * Points every installed adapter at the emulator with its dummy key, the way a user would
 * (each descriptor's base-URL and key variables). Unlike `-c emulator` runs, the Replicate wait
 * stays at its default: the bench measures the adapters as they run against a provider.
 */
export function pointAdaptersAt(emulator: EmulatorProcess, workspace: string): void {
  for (const d of providerDescriptors(workspace)) {
    process.env[d.baseUrlVariable] = emulator.baseUrls[d.name] ?? `${emulator.url}${d.emulatorPath}`;
    process.env[d.key.variable] = d.emulatorKey;
  }
}
