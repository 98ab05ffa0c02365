/**
 * What a test file starts ends with it: its `AbortSignal.timeout` deadlines (tools/jest-environment.js)
 * and its async-local stores (tools/jest-runtime.js). Either, left behind, kept the file's whole
 * sandbox alive in a run of many projects in one process (the `test` executor's batch), and made
 * every later promise pay for every earlier file's stores.
 */
import { createRequire } from 'node:module';
import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');
// Node's own require, as jest loads its environment and runtime (outside any test sandbox).
const load = createRequire(__filename);

type Environment = { global: { AbortSignal: typeof AbortSignal; setTimeout: typeof setTimeout }; teardown(): Promise<void> };
const BoardsTestEnvironment = load(join(root, 'tools/jest-environment.js')) as new (config: unknown, context: unknown) => Environment;
const { trackedAsyncHooks, disableAll } = load(join(root, 'tools/jest-runtime.js')) as {
  trackedAsyncHooks(created: AsyncLocalStorage<unknown>[]): typeof import('node:async_hooks');
  disableAll(created: AsyncLocalStorage<unknown>[]): void;
};

function environment(): Environment {
  return new BoardsTestEnvironment(
    { projectConfig: { testEnvironmentOptions: {}, globals: {}, fakeTimers: {}, rootDir: root }, globalConfig: {} },
    { console, docblockPragmas: {}, testPath: join(root, 'probe.test.ts') },
  );
}

/** Timers keeping this process alive. */
const timersOf = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('the test environment', () => {
  it("clears a file's AbortSignal.timeout deadlines when the file ends, and none of them aborts", async () => {
    const env = environment();
    const deadlines = [env.global.AbortSignal.timeout(60_000), env.global.AbortSignal.timeout(600_000)];
    const aborted: string[] = [];
    deadlines.forEach((signal, i) => signal.addEventListener('abort', () => aborted.push(String(i))));
    // The environment's own record, since an unref'd timer is not among the process's active resources.
    const pending = (env as unknown as { boardsDeadlines: Set<NodeJS.Timeout> }).boardsDeadlines;
    expect(pending.size).toBe(2);
    const timers = [...pending];
    try {
      await env.teardown();

      expect(pending.size).toBe(0);
      // A cleared timer is destroyed; a pending one is not.
      expect(timers.map((timer) => (timer as unknown as { _destroyed: boolean })._destroyed)).toEqual([true, true]);
      expect(aborted).toEqual([]);
      expect(deadlines.map((signal) => signal.aborted)).toEqual([false, false]);
    } finally {
      timers.forEach(clearTimeout);
    }
  });

  it('keeps AbortSignal as Node has it: the same class, a TimeoutError when the deadline passes, Node refusing a bad delay', async () => {
    const env = environment();
    const Signal = env.global.AbortSignal;
    try {
      const signal = Signal.timeout(1);
      expect(signal).toBeInstanceOf(AbortSignal);
      expect(signal).toBeInstanceOf(Signal);
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      expect(signal.reason).toMatchObject({ name: 'TimeoutError' });
      expect(Signal.abort().aborted).toBe(true);
      expect(Signal.any([signal]).aborted).toBe(true);
      expect(() => Signal.timeout(-1)).toThrow(expect.objectContaining({ code: 'ERR_OUT_OF_RANGE' }));
    } finally {
      await env.teardown();
    }
  });

  it('leaves the timers the code starts itself to the code (one may be what closes a socket)', async () => {
    const env = environment();
    const before = timersOf();
    const own = env.global.setTimeout(() => undefined, 60_000);
    try {
      await env.teardown();
      expect(timersOf()).toBe(before + 1);
    } finally {
      clearTimeout(own);
    }
  });
});

describe("the runtime's async-local stores", () => {
  it("gives a file stores of Node's own class, and disables every one of them when the file ends", () => {
    const created: AsyncLocalStorage<unknown>[] = [];
    const hooks = trackedAsyncHooks(created);
    const first = new hooks.AsyncLocalStorage<string>();
    const second = new hooks.AsyncLocalStorage<number>();
    expect(first).toBeInstanceOf(AsyncLocalStorage);
    expect(hooks.AsyncResource).toBe(load('node:async_hooks').AsyncResource);
    expect(first.run('in the test', () => first.getStore())).toBe('in the test');
    second.enterWith(7);
    expect(second.getStore()).toBe(7);
    expect(created).toEqual([first, second]);

    disableAll(created);

    expect(second.getStore()).toBeUndefined();
    expect(created).toEqual([]);
  });
});
