import {
  cancelProviderJob,
  CanceledError,
  ProviderError,
  stoppedError,
  nextPollInterval,
  POLL_FIRST_MS,
  pause,
  GenerationFailedError,
  TimeoutError,
  collectUrls,
  type ActualCost,
  type BilledQuantity,
  type GeneratorContext,
} from '@boards/core';
import { generationTimeoutMs } from '@boards/config';
import type Replicate from 'replicate';
import { createReplicateClient, replicateWaitSeconds, resolveReplicateOptions, type ReplicateAdapterOptions } from './replicate-client';
import { mapReplicateError } from './replicate-error';

/** The parts of a prediction the adapter reads (see Replicate's `schemas_prediction_response`). */
export interface ReplicatePrediction {
  id: string;
  status: 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled' | 'aborted';
  output: unknown;
  error?: unknown;
  logs?: string;
  metrics?: { predict_time?: number; total_time?: number };
}

const TERMINAL = new Set(['succeeded', 'failed', 'canceled', 'aborted']);

/** Last "NN%" in the logs, which Replicate's image models print while they work. */
function progressFromLogs(logs: string | undefined): number | undefined {
  const matches = logs?.match(/(\d{1,3})%/g);
  if (!matches?.length) return undefined;
  return Math.min(100, Number.parseInt(matches[matches.length - 1], 10)) / 100;
}

function report(ctx: GeneratorContext, prediction: ReplicatePrediction): void {
  if (prediction.status === 'starting') ctx.progress({ progress: 0.1, phase: 'queued' });
  if (prediction.status === 'processing') {
    const fraction = progressFromLogs(prediction.logs) ?? 0;
    ctx.progress({ progress: 0.15 + 0.6 * fraction, phase: 'running' });
  }
}

/**
 * Cancels within core's bounded wait. `status`: the prediction's status as the cancel answered
 * (one that already ended keeps its end). `problem`: why the cancel was not confirmed, if it was not.
 */
async function cancelPrediction(client: Replicate, id: string, ctx: GeneratorContext): Promise<{ status?: string; problem?: string }> {
  let status: string | undefined;
  const problem = await cancelProviderJob(
    { provider: 'replicate', jobId: id },
    async (signal) => {
      const answer = (await client.predictions.cancel(id, { signal })) as { status?: string };
      status = answer?.status;
    },
    ctx.logger,
  );
  if (status === 'succeeded')
    ctx.logger.info(`replicate: prediction ${id} had already succeeded when canceled: it is billed and its output is kept at Replicate`);
  return { status, problem };
}

/**
 * What Replicate reports of a finished prediction: no money, but its run time (what time-priced
 * models bill) and, for a success, its output files (what an image model bills per image). Core
 * prices the one that matches the generator's price.
 */
function reportedCost(prediction: ReplicatePrediction, seconds: number): ActualCost {
  const files = prediction.status === 'succeeded' ? collectUrls(prediction.output).length : 0;
  const billed: BilledQuantity[] = [{ unit: 'second', quantity: seconds, what: 'predict_time' }];
  if (files > 0) billed.push({ unit: 'image', quantity: files, what: 'output files' });
  return { reported: `predict_time=${seconds}s`, billed };
}

/** A create answer without a usable id cannot be polled or canceled: refuse it at once. */
function assertPrediction(prediction: ReplicatePrediction | undefined): ReplicatePrediction {
  if (prediction && typeof prediction.id === 'string' && /^[\w.-]+$/.test(prediction.id) && typeof prediction.status === 'string') return prediction;
  throw new ProviderError(`the create answer has no prediction id and status (got ${JSON.stringify(prediction)?.slice(0, 120)})`, {
    provider: 'replicate',
    retryable: false,
  });
}

/**
 * Creates a prediction with `Prefer: wait` (most image models finish inside it,
 * so no poll timer runs), polls with backoff only if it is still running, cancels
 * the job on abort or deadline, and returns the terminal succeeded prediction.
 */
export async function runReplicatePrediction(
  model: string,
  input: Record<string, unknown>,
  ctx: GeneratorContext,
  given: ReplicateAdapterOptions = {},
): Promise<ReplicatePrediction> {
  // Key, base URL and wait are read from the configuration once, for the one client of this generation.
  const options = resolveReplicateOptions(given);
  const timeoutMs = generationTimeoutMs(options.timeoutMs);
  const deadline = AbortSignal.timeout(timeoutMs);
  const stop = AbortSignal.any([ctx.signal, deadline]);
  const client = createReplicateClient(options);
  const [owner, name] = model.split(':')[0].split('/');
  const version = model.includes(':') ? model.split(':')[1] : undefined;

  let prediction: ReplicatePrediction;
  try {
    ctx.progress({ progress: 0.05, phase: 'queued' });
    // The create is not cut short by an abort: its answer carries the prediction id, without
    // which the job could not be canceled and would run (and bill) on. Polls stop on abort.
    prediction = (await client.predictions.create({
      ...(version ? { version } : { model: `${owner}/${name}` }),
      input,
      wait: replicateWaitSeconds(options),
      signal: deadline,
    })) as ReplicatePrediction;
  } catch (error) {
    throw mapReplicateError(error, undefined, { deadline, timeoutMs });
  }
  prediction = assertPrediction(prediction);
  ctx.setProviderJob({ provider: 'replicate', jobId: prediction.id });
  report(ctx, prediction);

  let interval = options.pollIntervalMs ?? POLL_FIRST_MS;
  try {
    while (!TERMINAL.has(prediction.status)) {
      await pause(interval, stop);
      if (stop.aborted) break;
      interval = nextPollInterval(interval);
      prediction = assertPrediction((await client.predictions.get(prediction.id, { signal: stop })) as ReplicatePrediction);
      report(ctx, prediction);
    }
  } catch (error) {
    if (!stop.aborted) throw mapReplicateError(error, prediction.id, { deadline, timeoutMs });
  }
  if (stop.aborted && !TERMINAL.has(prediction.status)) {
    const { status, problem } = await cancelPrediction(client, prediction.id, ctx);
    if (status === 'succeeded') {
      throw new CanceledError(
        'Generation was stopped after the Replicate prediction had succeeded: it is billed and its output is kept at Replicate',
        prediction.id,
      );
    }
    const job = { provider: 'replicate' as const, jobId: prediction.id };
    if (ctx.signal.aborted) throw stoppedError(job, problem, 'Generation was canceled; the Replicate prediction was canceled');
    throw new TimeoutError('replicate prediction', timeoutMs, prediction.id);
  }
  if (prediction.metrics?.predict_time !== undefined) ctx.reportActualCost(reportedCost(prediction, prediction.metrics.predict_time));
  if (prediction.status === 'failed') {
    throw new GenerationFailedError('replicate', String(prediction.error ?? 'prediction failed'), prediction.id);
  }
  if (prediction.status === 'canceled' || prediction.status === 'aborted') {
    throw new CanceledError(`The Replicate prediction was ${prediction.status}`, prediction.id);
  }
  return prediction;
}
