import { startEmulator, type Emulator } from '@boards/emulator';
import { runCli, startCli, removeTempDirs } from '../test-support/cli-process';

/** A live run pointed at an emulator in this process, exactly as a user would point it. */
const FAKE_KEY = 'fal-fake-live-key-must-never-print-42';
let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator();
  env = { FAL_KEY: FAKE_KEY, BOARDS_FAL_BASE_URL: emulator.falBaseUrl };
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

describe('boards generate with a key (live mode)', () => {
  it('runs the provider flow with --yes, reports the provider job and never prints the key', async () => {
    const { code, stdout, stderr } = await runCli(['generate', 'nano-banana', '--prompt', 'a red circle', '--num-images', '2', '--json', '--yes'], { env });
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ mode: 'live', estimatedCost: { known: true, usd: '0.078' }, actualCost: { reported: 'billable_units=2' } });
    expect(doc.artifacts).toHaveLength(2);
    expect(emulator.requestsFor('fal').map((r) => r.operation)).toContain('submit');
    expect(stderr).toContain('BOARDS_FAL_BASE_URL');
    expect(`${stdout}${stderr}`).not.toContain(FAKE_KEY);
  });

  it('--emulate uses the embedded emulator even with a key', async () => {
    const { code, stdout, stderr } = await runCli(['generate', 'nano-banana', '--prompt', 'a red circle', '--emulate', '--json'], { env });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).mode).toBe('emulator');
    expect(stderr.split('\n')[0]).toContain('--emulate: using the local emulator');
    expect(emulator.requestsFor('fal')).toHaveLength(0);
  });

  it('a provider error exits 4 with the provider, status and request id', async () => {
    emulator.injectFault({ provider: 'fal', operation: 'submit', kind: 'status', status: 401 });
    const { code, stdout } = await runCli(['generate', 'nano-banana', '--prompt', 'a red circle', '--json', '--yes'], { env });
    expect(code).toBe(4);
    expect(JSON.parse(stdout).error).toMatchObject({ code: 'PROVIDER_ERROR', provider: 'fal', status: 401, requestId: expect.any(String) });
  });

  it.each([
    ['Ctrl-C', 'SIGINT'],
    ['kill, timeout', 'SIGTERM'],
  ] as const)('%s (%s) cancels the provider job and exits 130', async (_how, signal) => {
    emulator.setJobDurationMs(10_000);
    const cli = startCli(['generate', 'nano-banana', '--prompt', 'a slow circle', '--yes'], { env });
    await cli.matches(/queued 10%/);
    cli.child.kill(signal);
    const { code, stderr } = await cli.done;
    expect(code).toBe(130);
    expect(stderr).toContain(`canceling (${signal === 'SIGINT' ? 'Ctrl-C' : signal})`);
    expect(emulator.requestsFor('fal').map((r) => r.operation)).toContain('cancel');
  });

  it('a cancel the provider refuses is not reported as canceled: exit 6, naming the job that may still bill', async () => {
    emulator.setJobDurationMs(10_000);
    emulator.injectFault({ provider: 'fal', operation: 'cancel', kind: 'status', status: 500, times: Infinity });
    const cli = startCli(['generate', 'nano-banana', '--prompt', 'a slow circle', '--yes', '--json'], { env });
    await cli.matches(/queued 10%/);
    cli.child.kill('SIGINT');
    const { code, stdout, stderr } = await cli.done;
    expect(code).toBe(6);
    const { error } = JSON.parse(stdout);
    const jobId = emulator
      .requestsFor('fal')
      .find((r) => r.operation === 'cancel')
      ?.path.split('/')
      .slice(-2)[0];
    expect(error).toMatchObject({ code: 'CANCEL_UNCONFIRMED', jobId });
    expect(stderr).toMatch(new RegExp(`cancel of job ${jobId} was not confirmed .*may still be running and billed`));
    expect(stderr).not.toMatch(/the fal request was canceled/);
  });
});
