/**
 * Planted keys (environment, BOARDS_GENERATOR_API_KEYS, a .env file) must never show up in the
 * output of the real `boards` process (in-process runs: secrets.test.ts).
 */
import { generatorSnapshots } from './workspace';
import { join } from 'node:path';
import { emulatorVariables, KEYS_JSON_VARIABLE } from '@boards/config';
import { emulatorBaseUrls, useEmulator } from '@boards/testing';
import { runCli, type CliResult } from './cli-run';
import { plantSources } from '../test-support/planted-sources';

// One provider's key travels in the JSON setting, the others in the environment and .env.
const planted = plantSources('openai');
const { keys, shown, work, viaJson } = planted;
afterAll(() => planted.remove());

function expectNoLeak(): void {
  expect(shown.leaks(keys)).toEqual([]);
}

describe('planted keys never show up in the boards CLI', () => {
  const emulator = useEmulator({ snapshots: generatorSnapshots() });
  const out = join(work, 'cli-out');
  let env: Record<string, string>;
  const results: CliResult[] = [];
  const run = async (args: string[], extra: Record<string, string> = {}) => {
    const result = await runCli(args, { ...env, ...extra }, { cwd: work });
    results.push(result);
    shown.add(`boards ${args.join(' ')}: stdout`, result.stdout);
    shown.add(`boards ${args.join(' ')}: stderr`, result.stderr);
    return result;
  };

  beforeAll(() => {
    const urls = emulatorBaseUrls(emulator.current);
    env = {
      ...planted.env(),
      ...Object.fromEntries(emulatorVariables({ url: emulator.current.url, baseUrls: urls }, { dummyKeys: 'never' })),
    };
  });
  afterEach(() => shown.add('emulator request log (CLI)', emulator.current.requests));

  it('generate with the planted key, live against the emulator, and with --emulate', async () => {
    const live = await run(['generate', 'flux-pro', '--prompt', 'x', '--out', out, '--json']);
    expect(live.code).toBe(0);
    expect(live.stderr).toMatch(/REPLICATE_API_TOKEN/);
    expect(emulator.current.requestsFor('replicate').length).toBeGreaterThan(0);
    const emulated = await run(['generate', 'flux-pro', '--prompt', 'x', '--out', out, '--json', '--emulate']);
    expect(emulated.code).toBe(0);
    shown.addFiles('CLI output directory', out);
    expectNoLeak();
  }, 60_000);

  it('generate failing with provider 401 and 500', async () => {
    emulator.current.injectFault({ provider: 'replicate', kind: 'status', status: 401, times: Infinity });
    emulator.current.injectFault({ provider: 'fal', kind: 'status', status: 500, times: Infinity });
    const results = [
      await run(['generate', 'flux-pro', '--prompt', 'x', '--out', out, '--json']),
      await run(['generate', 'nano-banana', '--prompt', 'xyz', '--out', out]),
    ];
    for (const r of results) expect(r.code).not.toBe(0);
    expectNoLeak();
  }, 60_000);

  it('list, invalid input and a missing key', async () => {
    const withoutOpenAI = { [KEYS_JSON_VARIABLE]: JSON.stringify({ OTHER_SERVICE_TOKEN: keys.other }) };
    const results = await Promise.all([
      run(['list']),
      run(['list', '--json']),
      run(['generate', 'nano-banana', '--prompt', 'x', '--num-images', '0', '--json']),
      run(['generate', 'gpt-image-2', '--prompt', 'x', '--live', '--json'], withoutOpenAI),
    ]);
    expect(results.map((r) => r.code)).toEqual([0, 0, 2, expect.any(Number)]);
    expect(results[3].stdout + results[3].stderr).toMatch(/Missing OPENAI_API_KEY/);
    expectNoLeak();
  }, 60_000);

  it('a key pasted as an input value is not echoed back (--steps, --seed)', async () => {
    const results = await Promise.all([
      run(['generate', 'flux-pro', '--prompt', 'x', '--steps', viaJson.key, '--json']),
      run(['generate', 'flux-pro', '--prompt', 'x', '--seed', keys.providers[0].key]),
    ]);
    expect(results.map((r) => r.code)).toEqual([2, 2]);
    expectNoLeak();
  }, 60_000);
});
