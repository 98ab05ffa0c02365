/**
 * One paid call of a live test: the cost line, the reservations, the call under the run's stop,
 * the job journal, what it generated, and settling the caps with what is known of its cost.
 *
 * Money is real unless proven free. Only `-c emulator` (which starts the emulator it points at)
 * reserves as a rehearsal; any other run reserves against the real caps, whatever its base URLs
 * name, and is settled at $0 only when every answer came from this project's emulator (its mark,
 * EMULATOR_HEADER). A gateway, a provider-compatible proxy or a record-through emulator on
 * loopback carries no such mark on what it forwards, so it stays real money.
 */
import { ALLOW_UNKNOWN_VARIABLE, budgetFromEnv, capLedgerFromEnv, RunLedger, type CapLedger, type CapNamespace, type CapReservation } from '@boards/cost';
import {
  createGeneratorContext,
  ReachWitness,
  type ActualCost,
  type AnyGenerator,
  type BoardsSettings,
  type CostEstimate,
  type GeneratorResult,
  type Micros,
  type Reach,
} from '@boards/core';
import type { LocalArtifactStore } from '@boards/storage';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { billedUnitsProblem } from './billed-units';
import { journalJob, jobStatusOf } from './live-jobs';
import { recordGeneration, type GenerationOutcome } from './live-record';
import { liveStop } from './live-stop';
import { GenerationRecorder } from './recording';

export type LiveMode = 'live' | 'emulator';

let ledger: RunLedger | undefined;

/** The run's ledger: shared by every process of an Nx run (BOARDS_LIVE_RUN_DIR), else this process's own. */
function runLedger(): RunLedger {
  ledger ??= new RunLedger(process.env.BOARDS_LIVE_RUN_DIR || mkdtempSync(join(tmpdir(), 'boards-live-run-')));
  return ledger;
}

const caps = new Map<CapNamespace, CapLedger>();

/** Daily/monthly caps across runs: real money in 'live'; `-c emulator` rehearsals in 'rehearsal'. */
function capLedger(namespace: CapNamespace): CapLedger {
  let found = caps.get(namespace);
  if (!found) caps.set(namespace, (found = capLedgerFromEnv({ namespace })));
  return found;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export interface PaidCall {
  generator: AnyGenerator;
  /** What the run was started as: `-c emulator` is 'emulator'. */
  mode: LiveMode;
  input: Record<string, unknown>;
  store: LocalArtifactStore;
  /** What the call runs with (resolved at the live tier's edge). Default: the environment's, resolved by the adapter. */
  settings?: BoardsSettings;
}

export async function paidCall({ generator, mode, input, store, settings }: PaidCall): Promise<GeneratorResult> {
  const estimate = generator.estimateCost(input);
  const what = `a ${generator.id} call`;
  // A stopped run (a signal, or the Nx process gone) reserves and sends nothing more.
  liveStop.assertMayStart(what);
  // Reserve before sending, against the caps across runs and then the run's budget: over either,
  // this throws and the test fails (never a silent skip).
  const namespace: CapNamespace = mode === 'emulator' ? 'rehearsal' : 'live';
  const budget = budgetFromEnv(process.env, { rehearsal: mode === 'emulator' });
  const held = await capLedger(namespace).reserve(generator.id, estimate, budget);
  let entry;
  try {
    entry = await runLedger().reserve(generator.id, estimate, budget, mode);
  } catch (error) {
    await capLedger(namespace).release(held);
    throw error;
  }
  say(entry.costLine);
  if (!estimate.known && mode === 'emulator' && process.env[ALLOW_UNKNOWN_VARIABLE] !== '1') {
    say(`[live] ${generator.id}: the cost is unknown (${estimate.reason}): rehearsed here, refused by a real run unless ${ALLOW_UNKNOWN_VARIABLE}=1`);
  }
  const runDir = process.env.BOARDS_LIVE_RUN_DIR;
  const witness = new ReachWitness();
  const outcome: GenerationOutcome = { generator: generator.id, mode, startedAt: new Date(), elapsedMs: 0, input, estimate };
  let actual: ActualCost | undefined;
  const onActualCost = async (cost: ActualCost) => {
    outcome.actual = cost;
    await runLedger().recordActual({ generatorId: generator.id, ...cost, at: new Date().toISOString() });
    if (cost.micros !== undefined) actual = { ...cost, micros: (actual?.micros ?? 0) + cost.micros };
  };
  const job = (jobId: string) => ({ generator: generator.id, provider: generator.provider, jobId });
  // Everything up to the record of how the call ended runs under the stop, which waits for it.
  return liveStop.run(what, async (signal) => {
    let result: GeneratorResult | undefined;
    let failure: unknown;
    try {
      const ctx = createGeneratorContext({
        generatorId: generator.id,
        store,
        signal,
        settings,
        onActualCost: (cost) => void onActualCost(cost),
        onProviderJob: ({ jobId }) => {
          outcome.providerJobId = jobId;
          journalJob(runDir, job(jobId));
        },
      });
      result = await witness.run(() => generateOnce(generator, input, ctx, mode));
      const billed = billedUnitsProblem(estimate, outcome.actual);
      if (billed) throw new Error(`${generator.id}: the provider's billed units disagree with the estimate: ${billed}`);
      return result;
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      const reach = witness.reach();
      outcome.mode = reach === 'emulator' ? 'emulator' : reach === 'live' ? 'live' : mode;
      const jobId = result?.providerJobId ?? outcome.providerJobId;
      if (jobId) {
        const status = result ? 'completed' : jobStatusOf(failure);
        const detail = failure instanceof Error ? failure.message : undefined;
        journalJob(runDir, { ...job(jobId), status, reached: outcome.mode, ...(detail ? { detail } : {}) });
      }
      if (runDir) recordGeneration(runDir, { ...outcome, ...(result ? { result } : { error: failure }), elapsedMs: Date.now() - outcome.startedAt.getTime() });
      await settle({ generatorId: generator.id, namespace, held, reach, estimate, micros: actual?.micros });
    }
  });
}

/**
 * Replaces the cap reservation by the best cost known: $0 when the emulator answered every
 * request; else the provider's (or derived) cost; else it stays at the estimate. A rehearsal
 * whose answers did not all come from the emulator reached something that may bill: it is
 * charged to the real caps too, and said.
 */
interface Settlement {
  generatorId: string;
  namespace: CapNamespace;
  held: CapReservation;
  reach: Reach;
  estimate: CostEstimate;
  /** The provider's cost, or one derived from what it reported; undefined when neither is known. */
  micros?: Micros;
}

async function settle({ generatorId, namespace, held, reach, estimate, micros }: Settlement): Promise<void> {
  // Proven free: every answer came from the emulator. Nothing seen ('none': no request went through
  // the shared fetch) proves nothing, so it settles like a paid call.
  if (reach === 'emulator') return capLedger(namespace).settle(held, 0);
  await capLedger(namespace).settle(held, micros);
  if (namespace !== 'rehearsal' || reach === 'none') return;
  say(`[live] ${generatorId}: an answer did not come from the emulator: counted as real money against the real caps`);
  try {
    const real = await capLedger('live').reserve(generatorId, estimate, { allowUnknown: true });
    await capLedger('live').settle(real, micros);
  } catch (error) {
    say(`[live] ${generatorId}: ${(error as Error).message}`);
  }
}

async function generateOnce(generator: AnyGenerator, input: Record<string, unknown>, ctx: ReturnType<typeof createGeneratorContext>, mode: LiveMode) {
  if (process.env.BOARDS_RECORD !== '1') return generator.generate(input, ctx);
  const recorder = new GenerationRecorder(ctx.settings);
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
