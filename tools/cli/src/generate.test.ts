import { runCliInProcess, type CliResult } from '../test-support/cli-process';

/** Refused before any generation, so the CLI runs in this process (its real processes: generate.integration.test.ts). */
let runs: Record<string, Promise<CliResult>>;

beforeAll(() => {
  // A key that must not be used: the request would go to a closed port, not to fal.
  const fakeLive = { FAL_KEY: 'fake-fal-key-never-used-0123456789', BOARDS_FAL_BASE_URL: 'http://127.0.0.1:9' };
  runs = {
    invalid: runCliInProcess(['generate', 'nano-banana', '--prompt', 'x', '--num-images', '0']),
    invalidJson: runCliInProcess(['generate', 'nano-banana', '--prompt', 'x', '--num-images', '0', '--seed', 'abc', '--nume-images', '2', '--json']),
    unknown: runCliInProcess(['generate', 'no-such-generator', '--prompt', 'x']),
    overThreshold: runCliInProcess(['generate', 'nano-banana', '--prompt', 'a cat', '--num-images', '4', '--max-cost-without-prompt', '0.10'], {
      env: fakeLive,
    }),
    overEnvThreshold: runCliInProcess(['generate', 'nano-banana', '--prompt', 'a cat', '--json'], { env: { ...fakeLive, BOARDS_CONFIRM_ABOVE_USD: '0.01' } }),
    liveNoKey: runCliInProcess(['generate', 'nano-banana', '--prompt', 'a cat', '--live']),
  };
});

describe('boards generate refusals', () => {
  it('names every invalid field, exits 2 and starts nothing', async () => {
    const { code, stdout, stderr } = await runs.invalid;
    expect(code).toBe(2);
    expect(stderr).toMatch(/prompt \(--prompt\): Too small/);
    expect(stderr).toMatch(/num_images \(--num-images\): Too small/);
    expect(stderr).not.toContain('emulator');
    expect(stdout).toBe('');
  });

  it('reports invalid input as a JSON error with every field, including bad values and unknown flags', async () => {
    const { code, stdout } = await runs.invalidJson;
    expect(code).toBe(2);
    const { error } = JSON.parse(stdout);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields.sort()).toEqual(['num_images', 'nume_images', 'prompt', 'seed']);
    expect(error.issues.find((i: { field: string }) => i.field === 'nume_images').message).toContain('did you mean --num-images?');
  });

  it('exits 2 for an unknown generator, listing the known ones', async () => {
    const { code, stderr } = await runs.unknown;
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown generator "no-such-generator". Known: .*flux-pro/);
  });

  it('refuses a live run above --max-cost-without-prompt when stdin is not a terminal (exit 5)', async () => {
    const { code, stderr } = await runs.overThreshold;
    expect(code).toBe(5);
    expect(stderr).toContain('$0.156');
    expect(stderr).toContain('--yes');
    expect(stderr).not.toContain('fake-fal-key');
  });

  it('takes the threshold from BOARDS_CONFIRM_ABOVE_USD', async () => {
    const { code, stdout } = await runs.overEnvThreshold;
    expect(code).toBe(5);
    expect(JSON.parse(stdout).error.code).toBe('CONFIRMATION_REQUIRED');
  });

  it('--live without the key exits 3 naming the variable', async () => {
    const { code, stderr } = await runs.liveNoKey;
    expect(code).toBe(3);
    expect(stderr).toContain('Missing FAL_KEY');
  });
});
