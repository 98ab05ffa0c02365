import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { silentWav } from '@boards/core';
import { runCli, runCliInProcess, tempDir, type CliResult, removeTempDirs } from '../test-support/cli-process';

afterAll(removeTempDirs);

const PNG_SIGNATURE = '89504e470d0a1a0a';

/** The processes are independent: start them together, assert one by one. */
let runs: Record<string, Promise<CliResult>>;
let out: string;
let audioDir: string;

beforeAll(() => {
  out = tempDir('boards-out-');
  audioDir = tempDir('boards-audio-');
  writeFileSync(join(audioDir, 'speech.wav'), silentWav(1));
  // A key that must not be used: the request would go to a closed port, not to fal.
  const fakeLive = { FAL_KEY: 'fake-fal-key-never-used-0123456789', BOARDS_FAL_BASE_URL: 'http://127.0.0.1:9' };
  runs = {
    flux: runCli(['generate', 'flux-pro', '--prompt', 'a red circle', '--out', out]),
    json: runCli(['generate', 'flux-pro', '--prompt', 'a blue square', '--out', out, '--json']),
    whisper: runCli(['generate', 'whisper', '--audio', 'speech.wav', '--language', 'en'], { cwd: audioDir }),
    // Refused before any generation: in this process (the generations above are real processes).
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

describe('boards generate without keys (embedded emulator)', () => {
  it('writes a real PNG under --out, prints its path, and says the emulator was used first', async () => {
    const { code, stdout, stderr } = await runs.flux;
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]).toBe('no REPLICATE_API_TOKEN: using the local emulator, no cost');
    const path = /(\S+\.png)/.exec(stdout)?.[1] as string;
    const absolute = path.startsWith('/') ? path : join(out, '..', path);
    expect(absolute.startsWith(out)).toBe(true);
    expect(readFileSync(absolute).subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
    expect(stdout).toMatch(/image\/png\s+1024x1024/);
  });

  it('--json prints one document with mode, estimate and artifacts; logs stay on stderr', async () => {
    const { code, stdout, stderr } = await runs.json;
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({
      generator: 'flux-pro',
      mode: 'emulator',
      estimatedCost: { known: true, usd: '0.055' },
      actualCost: { usd: '0.00', emulated: true },
      artifacts: [{ type: 'image', mimeType: 'image/png', width: 1024, height: 1024 }],
    });
    expect(doc.providerJobId).toEqual(expect.any(String));
    expect(readFileSync(doc.artifacts[0].path).subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
    expect(doc.artifacts[0].sizeBytes).toBe(readFileSync(doc.artifacts[0].path).length);
    expect(stderr).toContain('emulator');
  });

  it('transcribes a local WAV file with whisper into a text artifact', async () => {
    const { code, stdout, stderr } = await runs.whisper;
    expect(code).toBe(0);
    expect(stderr).toContain('no OPENAI_API_KEY: using the local emulator');
    expect(stderr).toContain('deprecated');
    const path = /(\S+\.txt)/.exec(stdout)?.[1] as string;
    expect(existsSync(join(audioDir, path))).toBe(true);
    expect(readFileSync(join(audioDir, path), 'utf8')).toMatch(/transcript/i);
  });
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
