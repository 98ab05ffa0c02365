import { spawnSync } from 'node:child_process';
import { CanceledError } from '@boards/core';
import { LiveStop, processAlive } from './live-stop';

/** The pid of a process that has already exited. */
const gonePid = () => spawnSync(process.execPath, ['-e', 'process.pid'], { stdio: 'ignore' }).pid as number;

/** Resolves when the signal fires (a generation that runs until it is stopped). */
const untilAborted = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));

// The mechanism only. That a real signal to a real live run cancels its provider jobs is proven by
// tools/plugin/src/live-run/stop.integration.test.ts (nx run-many signaled, the emulator's log read).
describe('a stopped live run', () => {
  it('starts no new paid call once the Nx process that started it is gone', () => {
    const pid = gonePid();
    expect(processAlive(pid)).toBe(false);
    const stop = new LiveStop({ env: { BOARDS_LIVE_RUN_PID: String(pid) } });
    expect(() => stop.assertMayStart('a flux-pro call')).toThrow(
      new RegExp(`Not starting a flux-pro call: the live run that started this process \\(pid ${pid}\\) is gone`),
    );
    expect(() => new LiveStop({ env: { BOARDS_LIVE_RUN_PID: String(process.pid) } }).assertMayStart('x')).not.toThrow();
  });

  it('cancels a running generation when its parent run goes away', async () => {
    const env: NodeJS.ProcessEnv = { BOARDS_LIVE_RUN_PID: String(process.pid) };
    const stop = new LiveStop({ env, watchMs: 10 });
    const running = stop.run('a call', untilAborted);
    env.BOARDS_LIVE_RUN_PID = String(gonePid());
    await expect(running).rejects.toBeInstanceOf(CanceledError);
    stop.release();
  });

  it('a stop from the environment hub aborts what runs, waits for it to settle, then refuses new calls', async () => {
    let stopper: ((signal: string) => Promise<void>) | undefined;
    const hub = {
      deadlineMs: 4000,
      stoppedBy: undefined as string | undefined,
      register: (stop: (s: string) => Promise<void>) => ((stopper = stop), () => (stopper = undefined)),
    };
    const stop = new LiveStop({ env: {}, hub });
    const settledAt: string[] = [];
    const running = stop.run('a call', (signal) => untilAborted(signal).catch((error: unknown) => (settledAt.push('recorded'), Promise.reject(error))));
    expect(stopper).toBeDefined();
    hub.stoppedBy = 'the test stop';
    const stopped = stopper?.('the test stop').then(() => settledAt.push('stop settled'));
    await expect(running).rejects.toMatchObject({ code: 'CANCELED', message: expect.stringContaining('stopped with the test stop') });
    await stopped;
    // The hub lets the signal end the process only once the call has recorded how it ended.
    expect(settledAt).toEqual(['recorded', 'stop settled']);
    expect(() => stop.assertMayStart('another call')).toThrow(/Not starting another call: stopped with the test stop/);
    stop.release();
    expect(stopper).toBeUndefined();
  });
});
