import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { CANCEL_WAIT_MS, silentWav } from '@boards/core';
import { startEmulator, type Emulator } from '@boards/emulator';
import { runCli, startCli, tempDir, removeTempDirs } from '../test-support/cli-process';

/**
 * "A stop stops billing": every local precondition is checked before the first paid request,
 * and a second stop signal reports the job that may still bill. Live runs of the real `boards`
 * process, pointed at an emulator in this process as a user points it at `boards emulator`.
 */
const KEYS = { REPLICATE_API_TOKEN: 'r8_PLANTED_replicate_token_never_printed', OPENAI_API_KEY: 'sk-PLANTED-openai-key-never-printed-0123' };
let emulator: Emulator;
let env: Record<string, string>;
let control: string;

beforeAll(async () => {
  emulator = await startEmulator();
  control = `${emulator.url}/__emulator`;
  env = {
    ...KEYS,
    BOARDS_REPLICATE_BASE_URL: emulator.replicateBaseUrl,
    BOARDS_OPENAI_BASE_URL: emulator.openaiBaseUrl,
    // The create answers at once instead of holding the request open for the job.
    BOARDS_REPLICATE_WAIT_SECONDS: '1',
  };
});
afterAll(async () => {
  await emulator.stop();
  removeTempDirs();
});
beforeEach(() => {
  emulator.clearRequests();
  emulator.clearFaults();
  emulator.setJobDurationMs(0);
});

/** Asserts no key value reached the output. */
function expectNoKey(text: string): void {
  for (const key of Object.values(KEYS)) expect(text).not.toContain(key);
}

describe('local preconditions are checked before the first paid request', () => {
  it('an output folder that cannot be created exits 3 naming --out and the path, with nothing sent to the provider', async () => {
    const { code, stdout, stderr } = await runCli(['generate', 'flux-pro', '--prompt', 'x', '--yes', '--out', '/proc/boards-x', '--json'], { env });
    expect(code).toBe(3);
    const { error } = JSON.parse(stdout);
    expect(error).toMatchObject({ code: 'INVALID_CONFIG', message: expect.stringMatching(/^Invalid --out: .*\/proc\/boards-x/) });
    expect(emulator.requestsFor('replicate')).toEqual([]);
    expectNoKey(stdout + stderr);
  });

  it('audio over its cap or without an audio signature exits 2 naming the field, uploading nothing; a real WAV is transcribed', async () => {
    const dir = tempDir('boards-audio-');
    writeFileSync(join(dir, 'ok.wav'), silentWav(1));
    // Sparse: 300 MiB on paper, nothing on disk; reading it whole is what must not happen.
    execFileSync('truncate', ['-s', '300M', join(dir, 'big.wav')]);
    // Fixed bytes with no signature (not /dev/urandom: a random start may look like an MP3 frame).
    writeFileSync(join(dir, 'noise.wav'), Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 131 + 7) % 251)));
    const run = (file: string) => runCli(['generate', 'whisper', '--audio', file, '--yes', '--json'], { env, cwd: dir });
    const [big, noise] = await Promise.all([run('big.wav'), run('noise.wav')]);

    expect(big.code).toBe(2);
    const bigError = JSON.parse(big.stdout).error;
    expect(bigError).toMatchObject({ code: 'INVALID_INPUT', fields: ['audio'] });
    expect(bigError.issues[0].message).toMatch(/big\.wav is 300 MiB, over the 25 MiB limit for audio inputs/);
    expect(noise.code).toBe(2);
    const noiseError = JSON.parse(noise.stdout).error;
    expect(noiseError).toMatchObject({ code: 'INVALID_INPUT', fields: ['audio'] });
    expect(noiseError.issues[0].message).toMatch(/noise\.wav is not audio \(no known audio signature\)/);
    expect(emulator.requestsFor('openai')).toEqual([]);

    const ok = await run('ok.wav');
    expect(ok.code).toBe(0);
    expect(emulator.requestsFor('openai').map((r) => r.operation)).toEqual(['transcription']);
    expectNoKey(big.stdout + big.stderr + noise.stdout + noise.stderr + ok.stdout + ok.stderr);
  });
});

describe('a stop signal to a running generation', () => {
  it.each([
    ['SIGINT', 'Ctrl-C'],
    ['SIGTERM', 'SIGTERM'],
    ['SIGHUP', 'SIGHUP (terminal closed)'],
  ] as const)('%s to the boards process cancels the prediction at the provider and exits 130', async (signal, how) => {
    emulator.setJobDurationMs(30_000);
    const polled = emulator.nextRequest({ provider: 'replicate', operation: 'get' }, 15_000);
    const cli = startCli(['generate', 'flux-pro', '--prompt', 'a slow circle', '--yes', '--json'], { env });
    await polled;
    cli.child.kill(signal);
    const { code, stdout, stderr } = await cli.done;

    expect(code).toBe(130);
    expect(stderr).toContain(`canceling (${how})`);
    // The witness: the emulator received the cancel of the very prediction the CLI was polling.
    const jobId = polledJobId();
    const canceled = emulator.requestsFor('replicate').filter((r) => r.operation === 'cancel');
    expect(canceled.map((r) => r.path)).toEqual([expect.stringContaining(`/predictions/${jobId}/cancel`)]);
    expect(JSON.parse(stdout).error).toMatchObject({ code: 'CANCELED' });
    expectNoKey(stdout + stderr);
  });
});

describe('a second stop while the cancel hangs', () => {
  it('exits 6 at once with CANCEL_UNCONFIRMED naming the job, in the --json document and on stderr', async () => {
    // Through the control API, as a user of `boards emulator` would.
    const post = (path: string, method: string, body: unknown) =>
      fetch(`${control}/${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('faults', 'POST', { provider: 'replicate', operation: 'cancel', kind: 'hang', times: null })).status).toBe(201);
    expect((await post('job-duration', 'PUT', { ms: 30_000 })).status).toBe(200);

    const polled = emulator.nextRequest({ provider: 'replicate', operation: 'get' }, 15_000);
    const cli = startCli(['generate', 'flux-pro', '--prompt', 'a slow circle', '--yes', '--json'], { env });
    await polled;
    cli.child.kill('SIGINT');
    await cli.matches(/canceling \(Ctrl-C\)/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = Date.now();
    cli.child.kill('SIGINT');
    const { code, stdout, stderr } = await cli.done;

    expect(code).toBe(6);
    // Not the first stop's own bounded wait for the cancel: the second signal ended it.
    expect(Date.now() - second).toBeLessThan(CANCEL_WAIT_MS);
    const jobId = polledJobId();
    expect(jobId).toMatch(/^\w+$/);
    const { error } = JSON.parse(stdout);
    expect(error).toMatchObject({ code: 'CANCEL_UNCONFIRMED', jobId });
    expect(stderr).toMatch(new RegExp(`second stop \\(Ctrl-C\\): .*${jobId}`));
    expect(stderr).toMatch(new RegExp(`error: .*job ${jobId} .*may still be running and billed`));
    expectNoKey(stdout + stderr);
  });
});

/** The prediction id, from the path of the poll the CLI sent (`/predictions/<id>`). */
function polledJobId(): string | undefined {
  return emulator
    .requestsFor('replicate')
    .find((r) => r.operation === 'get')
    ?.path.split('/')
    .pop();
}
