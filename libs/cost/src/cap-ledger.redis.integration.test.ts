/**
 * The cap ledger against a real redis-server started here on 127.0.0.1 (Debian's package;
 * .ci/run installs it), over redis:// and over rediss:// (TLS, with a CA and a server certificate
 * made by openssl here), and the same races against the directory backend: many processes, one
 * daily cap.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BudgetExceededError } from '@boards/core';
import { CapLedger, type CapStore } from './cap-ledger';
import { DirectoryCapStore } from './cap-store-dir';
import { RedisCapStore } from './cap-store-redis';

const AT = '2026-11-14T12:00:00.000Z';
const known = (micros: number) => ({ known: true as const, micros, basis: 'test' });
const allow = { allowUnknown: false };
const servers: ChildProcess[] = [];
let root = '';

/** One redis-server per scheme: the URL the ledger is given, and the CA file for TLS. */
interface Ledger {
  url: string;
  caFile?: string;
}
const ledgers: Record<'redis' | 'rediss', Ledger> = { redis: { url: '' }, rediss: { url: '' } };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function openssl(dir: string, ...args: string[]): void {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openssl ${args[0]} failed: ${run.stderr}`);
}

/** A CA and a server certificate for 127.0.0.1, made here: what a managed Redis with a private CA looks like. */
function certificates(dir: string): { ca: string; cert: string; key: string } {
  openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=boards-test-ca');
  openssl(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'srv.key', '-out', 'srv.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost');
  openssl(
    dir,
    'x509',
    '-req',
    '-in',
    'srv.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'srv.pem',
    '-days',
    '2',
    '-extfile',
    'ext.cnf',
  );
  return { ca: join(dir, 'ca.pem'), cert: join(dir, 'srv.pem'), key: join(dir, 'srv.key') };
}

async function startRedis(scheme: 'redis' | 'rediss'): Promise<void> {
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error('redis-server is not installed: these tests start a real one on 127.0.0.1. Install it (apt-get install -y redis-server); .ci/run does.');
  }
  const port = await freePort();
  const common = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'];
  let args = ['--port', String(port), ...common];
  if (scheme === 'rediss') {
    const tls = certificates(mkdtempSync(join(root, 'tls-')));
    args = [
      '--port',
      '0',
      '--tls-port',
      String(port),
      '--tls-cert-file',
      tls.cert,
      '--tls-key-file',
      tls.key,
      '--tls-ca-cert-file',
      tls.ca,
      '--tls-auth-clients',
      'no',
      ...common,
    ];
    ledgers.rediss.caFile = tls.ca;
  }
  servers.push(spawn('redis-server', args, { stdio: 'ignore' }));
  ledgers[scheme].url = `${scheme}://127.0.0.1:${port}/2`;
  await untilAnswers(ledgers[scheme], port);
}

/** Waits until the server answers a read through the ledger's own client (it was just started). */
async function untilAnswers(ledger: Ledger, port: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const store = new RedisCapStore(ledger.url, 'live', { caFile: ledger.caFile });
    try {
      await store.spent({ day: '2026-01-01', month: '2026-01' });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer within 5 s: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    } finally {
      await store.close();
    }
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cap-ledger-'));
  await Promise.all([startRedis('redis'), startRedis('rediss')]);
}, 20_000);

afterAll(async () => {
  for (const server of servers.filter((s) => s.exitCode === null)) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
  }
  rmSync(root, { recursive: true, force: true });
});

interface ChildConfig {
  mode: 'race' | 'hold';
  dir: string;
  attempts: number;
  micros: number;
  dailyMicros: number;
  at: string;
}

/** Starts a process that reserves against both backends (see cap-race.child.ts). */
function child(config: ChildConfig, { url, caFile }: Ledger): { process: ChildProcess; output: Promise<string>; printed: (text: string) => Promise<void> } {
  const proc = spawn(
    process.execPath,
    [
      '-r',
      join(__dirname, '../../../tools/register-sources.js'),
      join(__dirname, '../test-support/cap-race.child.ts'),
      JSON.stringify({ ...config, url, caFile }),
    ],
    {
      cwd: __dirname,
    },
  );
  let out = '';
  let err = '';
  const listeners: (() => void)[] = [];
  proc.stdout?.on('data', (d) => {
    out += d;
    listeners.forEach((l) => l());
  });
  proc.stderr?.on('data', (d) => (err += d));
  const output = new Promise<string>((resolve, reject) => {
    proc.on('error', reject);
    // 'close', not 'exit': the child may have exited before its stdout was read to the end.
    proc.on('close', (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code ?? signal}: ${err}`))));
  });
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => out.includes(text) && resolve();
      listeners.push(check);
      output.then(() => reject(new Error(`child ended without printing ${text}`)), reject);
      check();
    });
  return { process: proc, output, printed };
}

describe.each(['redis', 'rediss'] as const)('caps across runs, against a real redis-server over %s:// and the directory backend', (scheme) => {
  const store = (namespace: 'live' | 'rehearsal', url = ledgers[scheme].url) => new RedisCapStore(url, namespace, { caFile: ledgers[scheme].caFile });

  it('never grants more than the daily cap to many racing processes (6 processes x 25 attempts, each backend)', async () => {
    const dir = join(root, `race-${scheme}`);
    const config: ChildConfig = { mode: 'race', dir, attempts: 25, micros: 7, dailyMicros: 500, at: AT };
    const results = (await Promise.all(Array.from({ length: 6 }, () => child(config, ledgers[scheme]).output))).map(
      (o) => JSON.parse(o) as { directory: number; redis: number },
    );
    const caps = { dailyMicros: 500, monthlyMicros: null };
    for (const backend of ['directory', 'redis'] as const) {
      const granted = results.reduce((total, r) => total + r[backend], 0);
      // 150 attempts at 7 micro-dollars against 500: exactly 71 fit.
      expect({ backend, granted }).toEqual({ backend, granted: 71 });
      const backendStore: CapStore = backend === 'redis' ? store('live') : new DirectoryCapStore(dir, 'live');
      expect(await backendStore.spent({ day: '2026-11-14', month: '2026-11' })).toEqual({ dayMicros: 497, monthMicros: 497 });
      await expect(new CapLedger(backendStore, caps, { namespace: 'live', now: () => new Date(AT) }).reserve('after', known(4), allow)).rejects.toThrow(
        BudgetExceededError,
      );
    }
  }, 30_000);

  it("keeps a killed run's reservations counted", async () => {
    const dir = join(root, `killed-${scheme}`);
    const at = '2026-11-20T08:00:00.000Z';
    const run = child({ mode: 'hold', dir, attempts: 3, micros: 100, dailyMicros: 500, at }, ledgers[scheme]);
    await run.printed('held');
    run.process.kill('SIGKILL');
    await expect(run.output).rejects.toThrow(/SIGKILL/);
    const caps = { dailyMicros: 500, monthlyMicros: null };
    for (const backendStore of [new DirectoryCapStore(dir, 'live'), store('live')]) {
      const ledger = new CapLedger(backendStore, caps, { namespace: 'live', now: () => new Date(at) });
      expect((await ledger.summary()).day).toEqual({ period: '2026-11-20', spentUsd: '0.0003', limitUsd: '0.0005' });
      await expect(ledger.reserve('next-run', known(201), allow)).rejects.toThrow(/spent \$0\.0003 \+ requested \$0\.000201 exceeds the limit \$0\.0005/);
      expect((await ledger.reserve('next-run', known(200), allow)).micros).toBe(200);
    }
  }, 20_000);

  it('settles a reservation at the actual cost, gives back a call never sent, and keeps rehearsals apart (redis)', async () => {
    const at = () => new Date('2026-10-03T00:00:00.000Z');
    const caps = { dailyMicros: 100_000, monthlyMicros: 150_000 };
    const live = new CapLedger(store('live'), caps, { namespace: 'live', now: at });
    const rehearsal = new CapLedger(store('rehearsal'), caps, { namespace: 'rehearsal', now: at });
    const held = await live.reserve('flux-pro', known(55_000), allow);
    await live.settle(held, 40_000);
    await live.release(await live.reserve('never-sent', known(10_000), allow));
    await rehearsal.reserve('flux-pro', known(90_000), allow);
    expect(await live.summary()).toEqual({
      backend: 'redis',
      rehearsal: false,
      day: { period: '2026-10-03', spentUsd: '0.04', limitUsd: '0.10' },
      month: { period: '2026-10', spentUsd: '0.04', limitUsd: '0.15' },
    });
    expect((await rehearsal.summary()).day.spentUsd).toBe('0.09');
    await expect(rehearsal.reserve('flux-pro', known(20_000), allow)).rejects.toThrow(
      /daily cap of 2026-10-03 .*rehearsal accounting.*Raise BOARDS_LIVE_BUDGET_DAILY_USD/,
    );
  });

  it('never prints the password of the ledger URL, even when the server refuses it', async () => {
    const withPassword = ledgers[scheme].url.replace('://', '://boards:hunter2-not-the-password@');
    const ledger = new CapLedger(store('live', withPassword), { dailyMicros: 1, monthlyMicros: null }, { namespace: 'live' });
    const error = await ledger.summary().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(new RegExp(`BOARDS_LIVE_LEDGER_URL.*${scheme}://127\\.0\\.0\\.1:\\d+/2 answered: WRONGPASS`));
    expect(error?.message).not.toContain('hunter2');
  });
});

describe('a Redis cluster (?cluster=1)', () => {
  let cluster: Ledger;
  beforeAll(async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(root, 'cluster-'));
    // One node holding every slot: the client still speaks cluster (CLUSTER SLOTS, MOVED/ASK) to it.
    servers.push(
      spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-announce-ip',
          '127.0.0.1',
          '--cluster-config-file',
          join(dir, 'nodes.conf'),
          '--save',
          '',
          '--appendonly',
          'no',
          '--loglevel',
          'warning',
        ],
        { stdio: 'ignore', cwd: dir },
      ),
    );
    const cli = (...args: string[]) => spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).stdout ?? '';
    const deadline = Date.now() + 5_000;
    while (!cli('cluster', 'addslotsrange', '0', '16383').includes('OK') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    while (!cli('cluster', 'info').includes('cluster_state:ok') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    cluster = { url: `redis://127.0.0.1:${port}?cluster=1` };
  }, 10_000);

  it('reserves against the caps and settles through the cluster client', async () => {
    const caps = { dailyMicros: 100, monthlyMicros: null };
    const store = new RedisCapStore(cluster.url, 'live');
    try {
      const ledger = new CapLedger(store, caps, { namespace: 'live', now: () => new Date(AT) });
      const held = await ledger.reserve('flux-pro', known(60), allow);
      await expect(ledger.reserve('flux-pro', known(60), allow)).rejects.toThrow(BudgetExceededError);
      await ledger.settle(held, 30);
      expect(await store.spent({ day: '2026-11-14', month: '2026-11' })).toEqual({ dayMicros: 30, monthMicros: 30 });
    } finally {
      await store.close();
    }
  });
});
