import { startEmulator, type Emulator, type EmulatorOptions } from '@boards/emulator';
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
