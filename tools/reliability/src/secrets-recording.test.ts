/**
 * Recording (BOARDS_RECORD=1) through describeLive's live path, in emulator mode, with
 * planted keys in the environment: the recording, its media, the cost lines and the
 * ledger must not hold any of them. Emulator mode (BOARDS_EMULATOR=1) sends nothing
 * anywhere but the loopback emulator, so this runs free inside the unit tier.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { effectiveLifecycleStatus } from '@boards/core';
import { describeLive, liveSkipReason } from '@boards/testing';
import { plantKeys, Shown } from '../test-support/planted-keys';
import { discoverGenerators } from './workspace';

const keys = plantKeys();
const work = mkdtempSync(join(tmpdir(), 'boards-recording-secrets-'));
const runDir = join(work, 'live-run');
// Read when describeLive is called, i.e. now: jest gives each test file its own process.env.
Object.assign(process.env, {
  BOARDS_LIVE_RUN: '1',
  BOARDS_EMULATOR: '1',
  BOARDS_RECORD: '1',
  BOARDS_LIVE_RUN_DIR: runDir,
  BOARDS_LIVE_BUDGET_USD: '100',
  // Every generator runs, those whose price is unknown too (a set budget refuses them otherwise).
  BOARDS_LIVE_ALLOW_UNKNOWN_COST: '1',
  ...Object.fromEntries(keys.providers.map((p) => [p.variable, p.key])),
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const generators = discoverGenerators()
  .map((d) => d.generator)
  .filter((g) => effectiveLifecycleStatus(g.lifecycle) !== 'retired');

it('runs every active generator through the live path in emulator mode', () => {
  expect(generators.map((g) => [g.id, liveSkipReason(g)])).toEqual(generators.map((g) => [g.id, undefined]));
});

for (const generator of generators) {
  describeLive(generator, (live) => {
    it(`BOARDS_RECORD=1 records ${generator.id} with no planted key in the recording, its media, the cost line or the ledger`, async () => {
      const dir = mkdtempSync(join(work, `${generator.id}-`));
      const printed: string[] = [];
      const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        printed.push(String(chunk));
        return true;
      });
      const cwd = process.cwd();
      // The recorder writes <cwd>/__fixtures__/recordings: keep it out of the repository.
      process.chdir(dir);
      try {
        const { artifacts } = await live.generate();
        expect(artifacts.length).toBeGreaterThan(0);
      } finally {
        process.chdir(cwd);
        write.mockRestore();
      }
      const shown = new Shown();
      expect(shown.addFiles('recording', dir)).toBeGreaterThan(0);
      expect(printed.join('')).toMatch(/live_api_test_cost generator=.*recorded to/s);
      shown.add('stdout', printed.join(''));
      shown.addFiles('live run directory', runDir);
      expect(shown.leaks(keys)).toEqual([]);
    });
  });
}
