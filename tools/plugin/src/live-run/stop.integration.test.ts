/**
 * A stop stops billing, and a gateway is real money: proven as a user acts. A real
 * `nx run-many -t test-live` (its own process group, as a terminal starts it) against an external
 * emulator with long jobs gets a real signal; the emulator's request log is the witness that every
 * submitted job was canceled, and the run directory names the Kie task (no cancel endpoint) as
 * possibly still billed. A run through a loopback gateway that is not the emulator is charged to
 * the real caps. Integration tier: whole processes, seconds each (`nx run tools:test-integration`).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  liveRun,
  startExternalEmulator,
  until,
  workspaceRoot as root,
  type EmulatorDoc,
  type ExternalControl,
  type LoggedRequest,
} from '../../test-support/live-process';

const KEYS = {
  REPLICATE_API_TOKEN: 'r8_PLANTEDstop0a1b2c3d4e5f6g7h8i9j',
  FAL_KEY: 'PLANTEDstopid:PLANTEDstopsecret_9z8y7x',
  KIE_API_KEY: 'kiePLANTEDstop0123456789abcdef0',
};

let work: string;
let emulator: Awaited<ReturnType<typeof startExternalEmulator>>;
let doc: EmulatorDoc;
let control: ExternalControl;

const requests = () => control.requests();
const jobOf = (r: LoggedRequest) => r.query?.taskId ?? /\/(?:predictions|requests)\/([^/?]+)/.exec(r.path)?.[1];
const SUBMITS = new Set(['replicate submit', 'fal submit', 'kie createTask']);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'live-stop-'));
  emulator = await startExternalEmulator();
  ({ doc, control } = emulator);
}, 40_000);

afterAll(() => {
  emulator?.process.kill();
  rmSync(work, { recursive: true, force: true });
});

/** The newest run directory under .live-runs written after `since`. */
function runDirSince(since: number): string | undefined {
  const runs = join(root, '.live-runs');
  if (!existsSync(runs)) return undefined;
  return readdirSync(runs, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(runs, d.name, 'jobs.jsonl')))
    .map((d) => join(runs, d.name))
    .find((dir) =>
      readFileSync(join(dir, 'jobs.jsonl'), 'utf8')
        .split('\n')
        .some((l) => l && Date.parse((JSON.parse(l) as { at: string }).at) >= since),
    );
}

const emulatorEnv = () => ({
  ...KEYS,
  BOARDS_REPLICATE_BASE_URL: doc.baseUrls.replicate,
  BOARDS_FAL_BASE_URL: doc.baseUrls.fal,
  BOARDS_KIE_BASE_URL: doc.baseUrls.kie,
  BOARDS_REPLICATE_WAIT_SECONDS: '1',
});

describe.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s to the process group of a live run', (signal) => {
  it('cancels every job it submitted, and names the Kie task as possibly still billed', async () => {
    await control.send('DELETE', 'requests');
    await control.send('PUT', 'job-duration', { ms: 30_000 });
    const since = Date.now();
    const run = liveRun(['flux-pro', 'nano-banana', 'kie-seedream-4-5'], { ...emulatorEnv(), BOARDS_LIVE_LEDGER_DIR: join(work, 'ledger') });
    const submitted = await until('three submits', 60_000, async () => {
      const subs = (await requests()).filter((r) => SUBMITS.has(`${r.provider} ${r.operation}`));
      return subs.length >= 3 ? subs : undefined;
    });
    process.kill(-(run.child.pid as number), signal);
    await run.exited;
    // Task processes leave the group (Nx starts them detached): give them Nx's grace to finish.
    const count = (log: LoggedRequest[], provider: string, ops: string[]) =>
      new Set(log.filter((r) => r.provider === provider && ops.includes(r.operation)).map(jobOf)).size;
    const log = await until('a cancel for every Replicate and fal job', 10_000, async () => {
      const all = await requests();
      const done = ['replicate', 'fal'].every((p) => count(all, p, ['cancel']) >= count(submitted, p, ['submit']));
      return done ? all : undefined;
    }).catch(() => requests());
    const cancels = log.filter((r) => r.operation === 'cancel');
    expect(cancels.filter((r) => r.provider === 'replicate')).toHaveLength(submitted.filter((r) => r.provider === 'replicate').length);
    expect(cancels.filter((r) => r.provider === 'fal')).toHaveLength(submitted.filter((r) => r.provider === 'fal').length);
    const task = log.find((r) => r.provider === 'kie' && r.operation === 'recordInfo')?.query?.taskId;
    expect(task).toBeDefined();
    const dir = await until('the run directory', 10_000, () => runDirSince(since));
    const summary = await until('summary.json', 10_000, () =>
      existsSync(join(dir, 'summary.json')) ? readFileSync(join(dir, 'summary.json'), 'utf8') : undefined,
    );
    const kie = (JSON.parse(summary) as { jobs: Array<{ jobId: string; status: string }> }).jobs.find((j) => j.jobId === task);
    expect(kie).toMatchObject({ status: 'possibly-running' });
  }, 120_000);
});

describe('a live run through a host that is not the emulator', () => {
  let gateway: Server;
  beforeAll(async () => {
    // Forwards to the emulator and drops its mark: to the caller, a gateway in front of a real provider.
    const target = new URL(doc.url);
    gateway = createServer((req, res) => {
      const up = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !/emulator/i.test(name)));
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
      });
      req.pipe(up);
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => gateway.close(resolve)));

  it('is charged to the real caps and never reported as free', async () => {
    await control.send('PUT', 'job-duration', { ms: 0 });
    const port = (gateway.address() as AddressInfo).port;
    const ledger = join(work, 'gateway-ledger');
    const run = liveRun(['flux-pro'], {
      ...KEYS,
      BOARDS_REPLICATE_BASE_URL: `http://127.0.0.1:${port}/replicate/v1`,
      BOARDS_REPLICATE_WAIT_SECONDS: '1',
      BOARDS_LIVE_LEDGER_DIR: ledger,
      BOARDS_LIVE_BUDGET_DAILY_USD: '5',
    });
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/Live run summary \(real money/);
    expect(run.output()).not.toMatch(/no money spent/);
    const namespaces = readdirSync(ledger);
    expect(namespaces).toEqual(['live']);
    const lines = readdirSync(join(ledger, 'live')).flatMap((f) =>
      readFileSync(join(ledger, 'live', f), 'utf8')
        .split('\n')
        .filter(Boolean),
    );
    expect(lines.length).toBeGreaterThan(0);
  }, 120_000);
});
