import { startEmulator, type Emulator, type EmulatorOptions } from '@boards/emulator';
import { BASE_URL_VARIABLES, KEY_VARIABLES } from '@boards/config';
import type { ProviderName } from '@boards/core';

/** Obviously fake keys for emulator runs; the emulator accepts any key. */
export const DUMMY_KEYS: Record<ProviderName, string> = {
  replicate: 'r8_emulator_dummy_token_000000',
  fal: 'emulator-dummy-id:emulator-dummy-secret',
  openai: 'sk-emulator-dummy-key-000000',
};

export function emulatorBaseUrls(emulator: Emulator): Record<ProviderName, string> {
  return { replicate: emulator.replicateBaseUrl, fal: emulator.falBaseUrl, openai: emulator.openaiBaseUrl };
}

/**
 * Points every adapter at the emulator through the same variables a user would set,
 * and returns a function that puts the environment back.
 */
export function pointEnvAt(emulator: Emulator, options: { dummyKeys?: boolean } = {}): () => void {
  const saved = new Map<string, string | undefined>();
  const set = (name: string, value: string) => {
    if (!saved.has(name)) saved.set(name, process.env[name]);
    process.env[name] = value;
  };
  // A blocking Replicate create returns within a second against the emulator, so an
  // abort (which waits for the prediction id) is quick in tests.
  set('BOARDS_REPLICATE_WAIT_SECONDS', '1');
  const urls = emulatorBaseUrls(emulator);
  for (const provider of Object.keys(urls) as ProviderName[]) {
    set(BASE_URL_VARIABLES[provider], urls[provider]);
    if (options.dummyKeys !== false && !process.env[KEY_VARIABLES[provider]]) set(KEY_VARIABLES[provider], DUMMY_KEYS[provider]);
  }
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
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
