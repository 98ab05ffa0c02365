import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLoopbackHost } from '../kernel/control-token';
import { runEmulatorService } from '../emulator';
import type { ServiceIo } from './service';
import { startEmulator } from '../emulator';

function fakeIo(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let shutdown: (() => void) | undefined;
  const io: ServiceIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    onShutdown: (stop) => {
      shutdown = stop;
    },
    env,
  };
  return { io, out, err, shutdown: () => shutdown?.() };
}

async function printed(out: string[]): Promise<string> {
  for (let i = 0; i < 200 && out.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  return out.join('');
}

const TOKEN = 'ctl-4kQ9wZ2pX7mN5vB8';

describe('boards-emulator messages', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'service-flags-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says that --record-to is not a directory when it names a file, not that it cannot listen', async () => {
    const file = join(dir, 'recordings.json');
    writeFileSync(file, '{}');
    const { io, err } = fakeIo();
    await expect(runEmulatorService(['--upstream', 'replicate=http://127.0.0.1:9/v1', '--record-to', file], io)).resolves.toBe(2);
    expect(err.join('')).toBe(`boards-emulator: --record-to ${file} is not a directory\n`);
    // The library says the same to its callers.
    await expect(startEmulator({ upstream: { replicate: 'http://127.0.0.1:9/v1' }, recordTo: file })).rejects.toThrow(`recordTo ${file} is not a directory`);
  });

  it('prints help for -h and the package version for --version, without starting', async () => {
    const help = fakeIo();
    await expect(runEmulatorService(['-h'], help.io)).resolves.toBe(0);
    expect(help.out.join('')).toContain('Usage: boards-emulator [--host H]');
    const version = fakeIo();
    await expect(runEmulatorService(['--version'], version.io)).resolves.toBe(0);
    const { version: expected } = JSON.parse(readFileSync(join(__dirname, '../..', 'package.json'), 'utf8')) as { version: string };
    expect(version.out.join('')).toBe(`${expected}\n`);
  });
});

describe('the control API off loopback', () => {
  it('knows which hosts only this machine reaches', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'].filter((h) => !isLoopbackHost(h))).toEqual([]);
    expect(['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', 'example.com'].filter((h) => isLoopbackHost(h))).toEqual([]);
  });

  it('warns, generates a token and prints it when the host is not loopback', async () => {
    // A test never binds a reachable interface: 203.0.113.77 (TEST-NET-3) is no address of this machine
    // (checked first), so should the stand-in start below be bypassed, listening fails instead of exposing anything.
    const local = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
    expect(local).not.toContain('203.0.113.77');
    const asked: Array<{ host?: string; controlToken?: string }> = [];
    const { io, out, err, shutdown } = fakeIo();
    io.start = async (options) => {
      asked.push({ host: options.host, controlToken: options.controlToken });
      const real = await startEmulator({ ...options, host: '127.0.0.1' });
      return real;
    };
    const exit = runEmulatorService(['--host', '203.0.113.77', '--json', '--quiet'], io);
    const doc = JSON.parse(await printed(out)) as { controlUrl: string; controlToken: string };
    expect(asked).toEqual([{ host: '203.0.113.77', controlToken: doc.controlToken }]);
    expect(doc.controlToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(err.join('')).toMatch(/warning: .*203\.0\.113\.77.* reachable from other machines/);
    expect((await fetch(`${doc.controlUrl}/health`)).status).toBe(401);
    expect((await fetch(`${doc.controlUrl}/health`, { headers: { authorization: `Bearer ${doc.controlToken}` } })).status).toBe(200);
    shutdown();
    await expect(exit).resolves.toBe(0);
  });

  it('requires a token given by --control-token or BOARDS_EMULATOR_CONTROL_TOKEN on every control path, and never prints it', async () => {
    for (const [argv, env] of [
      [['--control-token', TOKEN], {}],
      [[], { BOARDS_EMULATOR_CONTROL_TOKEN: TOKEN }],
    ] as const) {
      const { io, out, err, shutdown } = fakeIo(env);
      const exit = runEmulatorService([...argv, '--json', '--quiet'], io);
      const text = await printed(out);
      const doc = JSON.parse(text) as { url: string; controlUrl: string };
      for (const [method, path] of [
        ['GET', 'health'],
        ['GET', 'requests'],
        ['POST', 'faults'],
        ['GET', 'no-such-route'],
      ]) {
        const answer = await fetch(`${doc.controlUrl}/${path}`, { method, body: method === 'POST' ? '{"provider":"*","kind":"reset"}' : undefined });
        expect({ path, status: answer.status }).toEqual({ path, status: 401 });
      }
      const wrong = await fetch(`${doc.controlUrl}/faults`, { headers: { authorization: 'Bearer not-the-token-at-all' } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${doc.controlUrl}/faults`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect([right.status, await right.json()]).toEqual([200, []]);
      // The emulated APIs are not behind the token.
      expect((await fetch(`${doc.url}/openai/v1/models`, { headers: { authorization: 'Bearer sk-dummy' } })).status).toBe(200);
      expect(text + err.join('')).not.toContain(TOKEN);
      shutdown();
      await expect(exit).resolves.toBe(0);
    }
  });
});
