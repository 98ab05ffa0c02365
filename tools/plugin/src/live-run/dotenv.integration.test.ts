/**
 * One .env loader, proven as a user acts: a key in the workspace-root `.env` that Nx's own loader
 * would misread (`#` cut as a comment, `$ret` expanded to nothing) reaches the provider exactly as
 * written from `nx test-live`. The witness is the emulator's request log (it keeps a fingerprint of
 * each credential, never the credential). The run happens in a clone of HEAD with a `.env` of its
 * own, so no developer's `.env` is touched.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { liveRun, startExternalEmulator, workspaceRoot } from '../../test-support/live-process';

const KEY = 'PLANTEDid:sec$ret#x';
let emulator: Awaited<ReturnType<typeof startExternalEmulator>>;
let clone: string;

beforeAll(async () => {
  emulator = await startExternalEmulator();
  clone = join(mkdtempSync(join(tmpdir(), 'dotenv-')), 'repo');
  execFileSync('git', ['clone', '-q', workspaceRoot, clone]);
  symlinkSync(join(workspaceRoot, 'node_modules'), join(clone, 'node_modules'));
}, 60_000);

afterAll(() => {
  emulator?.process.kill();
  rmSync(join(clone, '..'), { recursive: true, force: true });
});

/** The fingerprint the emulator logs for `key`, from a request sent with it. */
async function fingerprintOf(key: string): Promise<string | undefined> {
  await emulator.control.send('DELETE', 'requests');
  await fetch(`${emulator.doc.baseUrls.fal}/queue/fal-ai/nano-banana/requests/none/status`, { headers: { authorization: `Key ${key}` } });
  return (await emulator.control.requests()).find((r) => r.provider === 'fal')?.credential;
}

it('a key in the root .env reaches the provider as written from nx test-live, not as Nx reads it', async () => {
  const expected = await fingerprintOf(KEY);
  const misread = await fingerprintOf('PLANTEDid:sec');
  expect(expected).toBeDefined();
  expect(expected).not.toBe(misread);
  writeFileSync(join(clone, '.env'), `FAL_KEY=${KEY}\n`);
  await emulator.control.send('DELETE', 'requests');
  const run = liveRun(['nano-banana'], { BOARDS_FAL_BASE_URL: emulator.doc.baseUrls.fal, BOARDS_LIVE_LEDGER_DIR: join(clone, '..', 'ledger') }, clone);
  expect(await run.exited).toBe(0);
  const sent = new Set((await emulator.control.requests()).filter((r) => r.provider === 'fal' && r.credential).map((r) => r.credential));
  expect([...sent]).toEqual([expected]);
}, 120_000);
