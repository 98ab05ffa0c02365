import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunLedger } from './ledger';

const freshDir = () => mkdtempSync(join(tmpdir(), 'ledger-test-'));

/** Real processes racing for one run ledger (the in-process ledger tests: ledger.test.ts). */
describe('run ledger shared by processes', () => {
  /** Processes that each try 25 reservations of 7 micro-dollars against 500, all starting at `startAt`: exactly 71 fit. */
  const reservers = (dir: string, count: number, startAt = 0) => {
    const script = `
      const { RunLedger } = require(${JSON.stringify(join(__dirname, 'ledger.ts'))});
      const ledger = new RunLedger(process.argv[1]);
      (async () => {
        while (Date.now() < Number(process.argv[2])) {}
        let ok = 0;
        for (let i = 0; i < 25; i++) {
          try { await ledger.reserve('p' + process.pid, { known: true, micros: 7, basis: 'race' }, { limitMicros: 500, source: 'race', allowUnknown: false }, 'emulator'); ok++; }
          catch (e) { if (e.code !== 'BUDGET_EXCEEDED') throw e; }
        }
        process.stdout.write(String(ok));
      })();
    `;
    const run = () =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(process.execPath, ['-r', join(__dirname, '../../../tools/register-sources.js'), '-e', script, dir, String(startAt)], {
          cwd: __dirname,
        });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`child exited ${code}`))));
      });
    return Promise.all(Array.from({ length: count }, run));
  };

  it('never lets concurrent processes reserve more than the budget', async () => {
    const dir = freshDir();
    const granted = await reservers(dir, 6);
    const ledger = new RunLedger(dir);
    expect(granted.reduce((a, b) => a + b, 0)).toBe(71);
    expect(ledger.entries()).toHaveLength(71);
    expect(ledger.reservedMicros()).toBeLessThanOrEqual(500);
  }, 60_000);

  it('breaks at once a lock whose holder was killed, and concurrent breakers never reserve past the budget', async () => {
    const dir = freshDir();
    const lock = join(dir, 'ledger.lock');
    const deadPid = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    // Just left by a killed test process: fresh, so only asking its pid tells it is dead.
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner'), JSON.stringify({ pid: deadPid, host: hostname(), at: Date.now() }));
    const granted = await reservers(dir, 5, Date.now() + 1500);
    expect(granted.reduce((a, b) => a + b, 0)).toBe(71);
    expect(new RunLedger(dir).reservedMicros()).toBeLessThanOrEqual(500);
  }, 20_000);
});
