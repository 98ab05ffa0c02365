/**
 * The embedded emulator: started in this process, with the adapters pointed at it through
 * the same variables a user sets by hand (see @boards/config emulatorVariables).
 */
import { applyVariables, emulatorVariables } from '@boards/config';
import { startEmulator, type Emulator } from '@boards/emulator';

/** Simulated provider work time of the embedded emulator, ms (default 0): try progress and Ctrl-C. */
export const EMULATOR_JOB_MS_VARIABLE = 'BOARDS_EMULATOR_JOB_MS';

/** Variable -> value, in the order worth printing. */
export function emulatorEnv(emulator: Pick<Emulator, 'url' | 'baseUrls'>): Array<[string, string]> {
  return emulatorVariables(emulator, { dummyKeys: 'always' });
}

export interface EmbeddedEmulator {
  emulator: Emulator;
  /** Stops the emulator and puts the environment back. */
  stop(): Promise<void>;
}

/**
 * Starts the emulator in this process and points every provider at it. Keys are replaced by
 * dummies, even a configured real key: in emulator mode nothing may reach a real provider.
 */
export async function startEmbeddedEmulator(env: NodeJS.ProcessEnv = process.env): Promise<EmbeddedEmulator> {
  const jobMs = Number(env[EMULATOR_JOB_MS_VARIABLE] ?? 0);
  const emulator = await startEmulator({ jobDurationMs: Number.isFinite(jobMs) && jobMs >= 0 ? jobMs : 0 });
  const restore = applyVariables(emulatorEnv(emulator), env);
  return {
    emulator,
    async stop() {
      restore();
      await emulator.stop();
    },
  };
}
