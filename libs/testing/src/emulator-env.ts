import { AsyncLocalStorage } from 'node:async_hooks';
import { startEmulator, TEST_ID_HEADER, type Emulator, type EmulatorOptions } from '@boards/emulator';
import { applyVariables, dummyKey, emulatorVariables } from '@boards/config';
import type { ProviderName } from '@boards/core';

export { dummyKey };

/** The emulator's base URL of every provider it emulates, by provider name. */
export function emulatorBaseUrls(emulator: Emulator): Record<ProviderName, string> {
  return { ...emulator.baseUrls };
}

/**
 * Points every adapter at the emulator through the same variables a user would set
 * (keeping any key already set), and returns a function that puts the environment back.
 */
export function pointEnvAt(emulator: Emulator, options: { dummyKeys?: boolean } = {}): () => void {
  return applyVariables(emulatorVariables(emulator, { dummyKeys: options.dummyKeys === false ? 'never' : 'if-missing' }));
}

export interface EmulatorHandle {
  /** The running emulator (valid inside tests, after beforeAll). */
  readonly current: Emulator;
}

/**
 * Starts an emulator for the enclosing describe block and points the adapters at
 * it; the request log and faults are cleared before each test.
 */
export function useEmulator(options: EmulatorOptions = {}): EmulatorHandle {
  let emulator: Emulator | undefined;
  let restore: (() => void) | undefined;
  beforeAll(async () => {
    emulator = await startEmulator(options);
    restore = pointEnvAt(emulator);
  });
  beforeEach(() => {
    emulator?.clearRequests();
    emulator?.clearFaults();
    emulator?.setJobDurationMs(options.jobDurationMs ?? 0);
  });
  afterAll(async () => {
    restore?.();
    await emulator?.stop();
  });
  return {
    get current() {
      if (!emulator) throw new Error('useEmulator(): the emulator is only available inside tests');
      return emulator;
    },
  };
}

const testScope = new AsyncLocalStorage<string>();
let fetchScoped = false;

/**
 * Runs `fn` with every `fetch` it makes (the SDKs', the adapters', the downloads': all go through
 * the global fetch) carrying `x-boards-test-id: <testId>`, so the emulator applies only the faults
 * and job times scoped to that id (`injectFault({..., testId})`). Generations scoped to different
 * ids can then share one emulator at the same time, each meeting its own faults.
 */
export function scopedToTest<T>(testId: string, fn: () => Promise<T>): Promise<T> {
  if (!fetchScoped) {
    fetchScoped = true;
    const original = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      const id = testScope.getStore();
      if (id === undefined) return original(input, init);
      const headers = new Headers(input instanceof Request ? input.headers : undefined);
      new Headers(init?.headers).forEach((value, name) => headers.set(name, value));
      headers.set(TEST_ID_HEADER, id);
      return original(input, { ...init, headers });
    };
  }
  return testScope.run(testId, fn);
}
