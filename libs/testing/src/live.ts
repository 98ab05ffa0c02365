import { emulatorSettings, keyVariable, loadKeys, resolveSettings } from '@boards/config';
import { describeLifecycle, effectiveLifecycleStatus, type AnyGenerator, type BoardsSettings, type GeneratorResult } from '@boards/core';
import { startEmulator, type Emulator } from '@boards/emulator';
import { snapshotsFor } from './emulator-snapshots';
import { LocalArtifactStore } from '@boards/storage';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  const keys = loadKeys();
  if (env.BOARDS_EMULATOR === '1') return undefined;
  if (keys.values[keyVariable(generator.provider)] === undefined) return `${keyVariable(generator.provider)} not set`;
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
    // The edge of the live tier: the environment, BOARDS_GENERATOR_API_KEYS and .env are read once, here,
    // and travel in each call's context; with -c emulator every base URL is the emulator's (a key configured
    // here is still sent, as the live run would send it, else a dummy).
    let settings: BoardsSettings | undefined;
    beforeAll(async () => {
      settings = resolveSettings();
      if (mode !== 'emulator') return;
      // The generator's own snapshot (its package's snapshot.json) is what the emulator answers it from.
      emulator = await startEmulator({ snapshots: snapshotsFor(generator) });
      settings = emulatorSettings(emulator, { keysOf: settings });
    });
    const store = new LocalArtifactStore({ root: mkdtempSync(join(tmpdir(), `boards-live-${generator.id}-`)) });
    afterAll(async () => {
      liveStop.release();
      await emulator?.stop();
      rmSync(store.root, { recursive: true, force: true });
    });
    const run: LiveRun = {
      mode,
      get emulator() {
        return emulator;
      },
      generate: (input = generator.cheapestInput) => paidCall({ generator, mode, input, store, settings }),
    };
    body(run);
  });
}
