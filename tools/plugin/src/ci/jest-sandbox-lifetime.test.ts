/**
 * What a test file starts ends with it: its timers (tools/jest-environment.js) and its async-local
 * stores (tools/jest-runtime.js). Either, left behind, kept the file's whole sandbox alive in a run
 * of many projects in one process (the `test` executor's batch), and made every later promise pay
 * for every earlier file's stores.
 */
import { createRequire } from 'node:module';
import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '../../../..');
// Node's own require, as jest loads its environment and runtime (outside any test sandbox).
const load = createRequire(__filename);

type Timers = {
  setTimeout: typeof setTimeout;
  setInterval: typeof setInterval;
  clearTimeout: typeof clearTimeout;
  AbortSignal: typeof AbortSignal;
};
type Environment = { global: Timers; teardown(): Promise<void> };
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

/** Timers this process has pending and keeping it alive. */
const pendingTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('the test environment', () => {
  it('clears the timers a test file left pending when the file ends, and none of them fires', async () => {
    const env = environment();
    const before = pendingTimers();
    const fired: string[] = [];
    const timers = [env.global.setTimeout(() => fired.push('timeout'), 60_000), env.global.setInterval(() => fired.push('interval'), 60_000)];
    const deadline = env.global.AbortSignal.timeout(60_000);
    deadline.addEventListener('abort', () => fired.push('abort'));
    expect(pendingTimers()).toBe(before + 2);
    try {
      await env.teardown();

      expect(pendingTimers()).toBe(before);
      expect(fired).toEqual([]);
      expect(deadline.aborted).toBe(false);
    } finally {
      // Should the check fail, this process still ends.
      timers.forEach(clearTimeout);
    }
  });

  it('keeps the timers working as Node has them: they fire, clear, promisify, and AbortSignal.timeout aborts with a TimeoutError', async () => {
    const env = environment();
    const { setTimeout: set, clearTimeout: clear, AbortSignal: Signal } = env.global;
    try {
      await new Promise<void>((resolve) => set(resolve, 1));
      const cleared = set(() => {
        throw new Error('a cleared timer fired');
      }, 1);
      clear(cleared);
      await promisify(set)(1);
      const signal = Signal.timeout(1);
      expect(signal).toBeInstanceOf(AbortSignal);
      expect(signal).toBeInstanceOf(Signal);
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      expect(signal.reason).toMatchObject({ name: 'TimeoutError' });
      expect(Signal.abort().aborted).toBe(true);
      expect(Signal.any([signal]).aborted).toBe(true);
    } finally {
      await env.teardown();
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
