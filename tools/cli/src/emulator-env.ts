/**
 * The embedded emulator: started in this process, with the adapters pointed at it through settings
 * values (see @boards/config emulatorSettings) that the generation's context carries.
 */
import { emulatorSettings, emulatorVariables } from '@boards/config';
import type { BoardsSettings } from '@boards/core';
import { startEmulator, type Emulator, type EmulatorSnapshot } from '@boards/emulator';

/** Simulated provider work time of the embedded emulator, ms (default 0): try progress and Ctrl-C. */
export const EMULATOR_JOB_MS_VARIABLE = 'BOARDS_EMULATOR_JOB_MS';

/** Variable -> value, in the order worth printing: what a user exports to point another process at an emulator. */
export function emulatorEnv(emulator: Pick<Emulator, 'url' | 'baseUrls'>): Array<[string, string]> {
  return emulatorVariables(emulator, { dummyKeys: 'always' });
}

export interface EmbeddedEmulator {
  emulator: Emulator;
  /** Every provider at the emulator, with dummy keys: in emulator mode nothing may reach a real provider, even with a real key configured. */
  settings: BoardsSettings;
  stop(): Promise<void>;
}

/**
 * Starts the emulator in this process, answering from `snapshots` (the generator's package's) and its
 * reference snapshots; the environment is only read (BOARDS_EMULATOR_JOB_MS).
 */
export async function startEmbeddedEmulator(env: NodeJS.ProcessEnv = process.env, snapshots: EmulatorSnapshot[] = []): Promise<EmbeddedEmulator> {
  const jobMs = Number(env[EMULATOR_JOB_MS_VARIABLE] ?? 0);
  const emulator = await startEmulator({ jobDurationMs: Number.isFinite(jobMs) && jobMs >= 0 ? jobMs : 0, snapshots });
  return { emulator, settings: emulatorSettings(emulator), stop: () => emulator.stop() };
}
