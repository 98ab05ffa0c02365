import { hasKey, keyVariable, providerBaseUrl, syncKeysToEnv } from '@boards/config';
import { createGeneratorContext, describeLifecycle, effectiveLifecycleStatus, type ActualCost, type AnyGenerator, type GeneratorResult } from '@boards/core';
import { budgetFromEnv, capLedgerFromEnv, RunLedger, type CapLedger } from '@boards/cost';
import { startEmulator, type Emulator } from '@boards/emulator';
import { LocalArtifactStore } from '@boards/storage';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pointEnvAt } from './emulator-env';
import { recordGeneration, type GenerationOutcome } from './live-record';
import { liveStop } from './live-stop';
import { GenerationRecorder, provenanceOf } from './recording';

export type LiveMode = 'live' | 'emulator';

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

let ledger: RunLedger | undefined;

/** The run's ledger: shared by every process of an Nx run (BOARDS_LIVE_RUN_DIR), else this process's own. */
function runLedger(): RunLedger {
  ledger ??= new RunLedger(process.env.BOARDS_LIVE_RUN_DIR || mkdtempSync(join(tmpdir(), 'boards-live-run-')));
  return ledger;
}

let caps: CapLedger | undefined;

/** Daily/monthly caps across runs; emulator runs count in the rehearsal namespace, apart from the real caps. */
function capLedger(mode: LiveMode): CapLedger {
  caps ??= capLedgerFromEnv({ namespace: mode === 'emulator' ? 'rehearsal' : 'live' });
  return caps;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
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
    let emulator: Emulator | undefined;
    let restore: (() => void) | undefined;
    beforeAll(async () => {
      if (mode !== 'emulator') return;
      emulator = await startEmulator();
      restore = pointEnvAt(emulator);
    });
    const store = new LocalArtifactStore({ root: mkdtempSync(join(tmpdir(), `boards-live-${generator.id}-`)) });
    afterAll(async () => {
      restore?.();
      await emulator?.stop();
      rmSync(store.root, { recursive: true, force: true });
    });
    const run: LiveRun = {
      mode,
      get emulator() {
        return emulator;
      },
      async generate(input = generator.cheapestInput) {
        const estimate = generator.estimateCost(input);
        // A stopped run (a signal, or the Nx process gone) reserves and sends nothing more.
        liveStop.assertMayStart(`a ${generator.id} call`);
        // Reserve before sending, against the caps across runs and then the run's budget: over
        // either, this throws and the test fails (never a silent skip). The ledgers (and the run
        // summary) say where the calls really go: base URLs pointed at an emulator make a run
        // without `-c emulator` an emulator run (rehearsal) all the same.
        const base = providerBaseUrl(generator.provider);
        const where: LiveMode = mode === 'live' && base && provenanceOf([base]) === 'emulator' ? 'emulator' : mode;
        const held = await capLedger(where).reserve(generator.id, estimate, budgetFromEnv());
        let entry;
        try {
          entry = runLedger().reserve(generator.id, estimate, budgetFromEnv(), where);
        } catch (error) {
          await capLedger(where).release(held);
          throw error;
        }
        say(entry.costLine);
        const outcome: GenerationOutcome = { generator: generator.id, mode: where, startedAt: new Date(), elapsedMs: 0, input, estimate };
        let actualMicros: number | undefined;
        // The call settles its cap reservation at the reported cost; unreported, it stays at the estimate.
        const settled = <T>(call: Promise<T>) => call.finally(() => capLedger(where).settle(held, actualMicros));
        // What was generated goes into the run directory, for `npx boards report`.
        const keep = (done: Pick<GenerationOutcome, 'result' | 'error'>) => {
          const runDir = process.env.BOARDS_LIVE_RUN_DIR;
          if (runDir) recordGeneration(runDir, { ...outcome, ...done, elapsedMs: Date.now() - outcome.startedAt.getTime() });
        };
        const onActualCost = (cost: ActualCost) => {
          outcome.actual = cost;
          runLedger().recordActual({ generatorId: generator.id, ...cost, at: new Date().toISOString() });
          if (cost.micros !== undefined) actualMicros = (actualMicros ?? 0) + cost.micros;
        };
        try {
          const result = await settled(
            liveStop.run(`a ${generator.id} call`, (signal) =>
              generateOnce(input, { generatorId: generator.id, store, signal, onActualCost, onProviderJob: (job) => (outcome.providerJobId = job.jobId) }),
            ),
          );
          keep({ result });
          return result;
        } catch (error) {
          keep({ error });
          throw error;
        }
      },
    };

    async function generateOnce(input: Record<string, unknown>, options: Parameters<typeof createGeneratorContext>[0]): Promise<GeneratorResult> {
      const ctx = createGeneratorContext(options);
      if (process.env.BOARDS_RECORD !== '1') return generator.generate(input, ctx);
      const recorder = new GenerationRecorder();
      recorder.start();
      try {
        const result = await generator.generate(input, ctx);
        const recorded = recorder.write(generator, input, mode);
        say(
          recorded.written
            ? `[live] ${generator.id}: recorded to ${recorded.path} (${recorded.mode})`
            : `[live] ${generator.id}: not recorded: ${recorded.path} holds a live recording and these requests went to ${recorded.mode === 'emulator' ? 'the emulator' : 'a provider'}`,
        );
        return result;
      } finally {
        recorder.stop();
      }
    }
    body(run);
  });
}
