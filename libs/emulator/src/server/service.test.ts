import { createServer } from 'node:net';
import { parseServiceArgs, runEmulatorService } from '../emulator';
import type { ServiceIo } from './service';
import { PROVIDER_MODULES } from '../providers/index';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  let shutdown: (() => void) | undefined;
  const io: ServiceIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    onShutdown: (stop) => {
      shutdown = stop;
    },
  };
  return { io, out, err, shutdown: () => shutdown?.() };
}

/** Resolves once the service has printed something on stdout. */
async function printed(out: string[]): Promise<string> {
  for (let i = 0; i < 200 && out.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  return out.join('');
}

describe('boards-emulator arguments', () => {
  it('defaults to loopback, an ephemeral port and instant jobs', () => {
    expect(parseServiceArgs([])).toEqual({ host: '127.0.0.1', port: 0, jobDurationMs: 'realistic', json: false, quiet: false, help: false });
  });

  it('reads --flag value and --flag=value', () => {
    expect(parseServiceArgs(['--host', '0.0.0.0', '--port=4010', '--job-ms', '250', '--json', '--quiet'])).toEqual({
      host: '0.0.0.0',
      port: 4010,
      jobDurationMs: 250,
      json: true,
      quiet: true,
      help: false,
    });
  });

  it.each([
    [['--port', '70000'], /--port must be an integer from 0 to 65535, not "70000"/],
    [['--job-ms', '-1'], /--job-ms must be an integer/],
    [['--port'], /--port needs a value/],
    [['--host', '--json'], /--host needs a value/],
    [['--host='], /--host must not be empty/],
    [['--json=yes'], /--json takes no value/],
    [['--record'], /unknown flag --record/],
    [['serve'], /takes no arguments \(got "serve"\)/],
  ])('rejects %j naming the flag', (argv, message) => {
    expect(() => parseServiceArgs(argv)).toThrow(message);
  });
});

describe('boards-emulator service', () => {
  it('prints one JSON document whose URLs answer health, and exits 0 on shutdown', async () => {
    const { io, out, err, shutdown } = fakeIo();
    const exit = runEmulatorService(['--port', '0', '--json', '--quiet'], io);
    const doc = JSON.parse(await printed(out)) as { url: string; baseUrls: Record<string, string>; controlUrl: string };
    expect(Object.keys(doc.baseUrls).sort()).toEqual(PROVIDER_MODULES.map((m) => m.id).sort());
    expect(doc.baseUrls.openai).toBe(`${doc.url}/openai/v1`);
    const health = (await (await fetch(`${doc.controlUrl}/health`)).json()) as { ok: boolean; openaiBaseUrl: string };
    expect(health).toMatchObject({ ok: true, openaiBaseUrl: doc.baseUrls.openai });
    shutdown();
    await expect(exit).resolves.toBe(0);
    await expect(fetch(`${doc.controlUrl}/health`)).rejects.toThrow();
    expect(err).toEqual([]);
  });

  it('logs requests on stderr unless --quiet, keeping stdout for the URLs', async () => {
    const { io, out, err, shutdown } = fakeIo();
    const exit = runEmulatorService(['--job-ms', '5'], io);
    const text = await printed(out);
    const url = /emulator listening on (\S+)/.exec(text)?.[1];
    expect(text).toContain(`openai     ${url}/openai/v1`);
    expect((await fetch(`${url}/__emulator/health`)).status).toBe(200);
    shutdown();
    await expect(exit).resolves.toBe(0);
    expect(err.join('')).toMatch(/health/);
    expect(err.join('')).toMatch(/stopping/);
  });

  it('exits 1 naming the address when the port is taken, 2 for a bad flag', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const taken = fakeIo();
      await expect(runEmulatorService(['--port', String(port)], taken.io)).resolves.toBe(1);
      expect(taken.err.join('')).toContain(`cannot listen on 127.0.0.1:${port}: in use`);
    } finally {
      blocker.close();
    }
    const bad = fakeIo();
    await expect(runEmulatorService(['--port', 'x'], bad.io)).resolves.toBe(2);
    expect(bad.err.join('')).toContain('--port must be an integer');
  });

  it('prints help without starting', async () => {
    const { io, out } = fakeIo();
    await expect(runEmulatorService(['--help'], io)).resolves.toBe(0);
    expect(out.join('')).toContain('Usage: boards-emulator [--host H]');
  });
});
