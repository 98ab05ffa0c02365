import { hasKey, keyVariable, syncKeysToEnv } from '@boards/config';
import { describeLifecycle, effectiveLifecycleStatus, type AnyGenerator, type GeneratorResult } from '@boards/core';
import { startEmulator, type Emulator } from '@boards/emulator';
import { LocalArtifactStore } from '@boards/storage';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pointEnvAt } from './emulator-env';
import { paidCall, type LiveMode } from './live-call';
import { liveStop, stopHub } from './live-stop';

export type { LiveMode };

export interface LiveRun {
  readonly mode: LiveMode;
  /** The emulator, in emulator mode. */
  readonly emulator?: Emulator;
  /**
   * Logs the cost line for the input actually sent, then generates.
   * Default input: the generator's cheapestInput.
   */
  generate(input?: Record<string, unknown>): Promise<GeneratorResult>;
}

/** Why live tests of this generator cannot run now, or undefined when they can. */
export function liveSkipReason(generator: AnyGenerator, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.BOARDS_LIVE_RUN !== '1') {
    return `live tests spend money and run only through their target: npx nx run ${generator.id}:test-live`;
  }
  if (effectiveLifecycleStatus(generator.lifecycle) === 'retired') {
    return `${generator.model} is ${describeLifecycle(generator.lifecycle)}${generator.lifecycle?.successor ? `; use ${generator.lifecycle.successor}` : ''}`;
  }
  // Registers every key as a secret too, so no log, summary or recording can print it.
  syncKeysToEnv();
  if (env.BOARDS_EMULATOR === '1') return undefined;
  if (!hasKey(generator.provider)) return `${keyVariable(generator.provider)} not set`;
  return undefined;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Without the live test environment, a stop signal cannot cancel anything: say so (once). */
function warnWithoutStopHub(): void {
  if (stopHub() || process.env.BOARDS_EMULATOR === '1') return;
  say('[live] warning: this jest config does not use @boards/testing/live-environment: a stop signal (Ctrl-C, SIGTERM) cannot cancel provider jobs');
}

/**
 * The live-test gate. Inside a `test-live` target it runs `body` against the
 * real provider (or, with `-c emulator`, the emulator with dummy keys); anywhere
 * else, or without the key, it registers one skipped test whose title and log say why.
 */
export function describeLive(generator: AnyGenerator, body: (live: LiveRun) => void): void {
  const reason = liveSkipReason(generator);
  const mode: LiveMode = process.env.BOARDS_EMULATOR === '1' ? 'emulator' : 'live';
  describe(`${generator.id} live (${mode})`, () => {
    if (reason) {
      say(`[live] ${generator.id}: skipped: ${reason}`);
      it.skip(`skipped: ${reason}`, () => undefined);
      return;
    }
    warnWithoutStopHub();
    let emulator: Emulator | undefined;
    let restore: (() => void) | undefined;
    beforeAll(async () => {
      if (mode !== 'emulator') return;
      emulator = await startEmulator();
      restore = pointEnvAt(emulator);
    });
    const store = new LocalArtifactStore({ root: mkdtempSync(join(tmpdir(), `boards-live-${generator.id}-`)) });
    afterAll(async () => {
      liveStop.release();
      restore?.();
      await emulator?.stop();
      rmSync(store.root, { recursive: true, force: true });
    });
    const run: LiveRun = {
      mode,
      get emulator() {
        return emulator;
      },
      generate: (input = generator.cheapestInput) => paidCall({ generator, mode, input, store }),
    };
    body(run);
  });
}
