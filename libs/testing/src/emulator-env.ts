import { AsyncLocalStorage } from 'node:async_hooks';
import { startEmulator, TEST_ID_HEADER, type Emulator, type EmulatorOptions } from '@boards/emulator';
import { dummyKey, emulatorSettings } from '@boards/config';
import type { BoardsSettings, ProviderName } from '@boards/core';
import { testPackageSnapshots } from './emulator-snapshots';

export { dummyKey };

/** The emulator's base URL of every provider it emulates, by provider name. */
export function emulatorBaseUrls(emulator: Emulator): Record<ProviderName, string> {
  return { ...emulator.baseUrls };
}

/**
 * The settings that point every adapter at `emulator`, with dummy keys (a real key set in the
 * environment never reaches it): pass them into the context (`createTestContext({ settings })`).
 */
export function settingsFor(emulator: Emulator): BoardsSettings {
  return emulatorSettings(emulator);
}

export interface EmulatorHandle {
  /** The running emulator (valid inside tests, after beforeAll). */
  readonly current: Emulator;
  /** Settings pointing every adapter at it, for the contexts of the tests (valid inside tests). */
  readonly settings: BoardsSettings;
}

/**
 * Starts an emulator for the enclosing describe block; the request log and faults are cleared
 * before each test. It serves the snapshot of the test file's own package (its snapshot.json, see
 * emulator-snapshots.ts) besides any `options.snapshots`. Nothing is written to the environment:
 * tests pass `handle.settings` into their contexts.
 */
export function useEmulator(options: EmulatorOptions = {}): EmulatorHandle {
  let emulator: Emulator | undefined;
  let settings: BoardsSettings | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ ...options, snapshots: [...testPackageSnapshots(), ...(options.snapshots ?? [])] });
    settings = settingsFor(emulator);
  });
  beforeEach(() => {
    emulator?.clearRequests();
    emulator?.clearFaults();
    emulator?.setJobDurationMs(options.jobDurationMs ?? 0);
  });
  afterAll(async () => {
    await emulator?.stop();
  });
  const running = () => {
    if (!emulator || !settings) throw new Error('useEmulator(): the emulator is only available inside tests');
    return { emulator, settings };
  };
  return {
    get current() {
      return running().emulator;
    },
    get settings() {
      return running().settings;
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
