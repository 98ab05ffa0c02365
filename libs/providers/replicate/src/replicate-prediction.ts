import {
  collectUrls,
  pollJob,
  POLL_FIRST_MS,
  runProviderJob,
  type ActualCost,
  type BilledQuantity,
  type GeneratorContext,
  type JobProtocol,
  type JobState,
} from '@boards/core';
import { generationTimeoutMs } from '@boards/config';
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

/** Last "NN%" in the logs, which Replicate's image models print while they work. */
function progressFromLogs(logs: string | undefined): number | undefined {
  const matches = logs?.match(/(\d{1,3})%/g);
  if (!matches?.length) return undefined;
  return Math.min(100, Number.parseInt(matches[matches.length - 1], 10)) / 100;
}

/**
 * What Replicate reports of a finished prediction: no money, but its run time (what time-priced
 * models bill) and, for a success, its output files (what an image model bills per image). Core
 * prices the one that matches the generator's price.
 */
function reportedCost(prediction: ReplicatePrediction): ActualCost | undefined {
  const seconds = prediction.metrics?.predict_time;
  if (seconds === undefined) return undefined;
  const files = prediction.status === 'succeeded' ? collectUrls(prediction.output).length : 0;
  const billed: BilledQuantity[] = [{ unit: 'second', quantity: seconds, what: 'predict_time' }];
  if (files > 0) billed.push({ unit: 'image', quantity: files, what: 'output files' });
  return { reported: `predict_time=${seconds}s`, billed };
}

function stateOf(prediction: ReplicatePrediction): JobState {
  const status = prediction?.status as string;
  if (status === 'starting') return { state: 'queued' };
  if (status === 'processing') return { state: 'running', fraction: progressFromLogs(prediction.logs) ?? 0 };
  const cost = reportedCost(prediction);
  if (status === 'succeeded') return { state: 'completed', cost };
  if (status === 'failed') return { state: 'failed', reason: String(prediction.error ?? 'prediction failed'), cost };
  if (status === 'canceled' || status === 'aborted') return { state: 'canceled', status, cost };
  return { state: 'unknown', status: String(status) };
}

/**
 * Creates a prediction with `Prefer: wait` (most image models finish inside it, so no poll timer
 * runs), polls with backoff only if it is still running, and returns the succeeded prediction;
 * core's runner cancels it on stop or deadline.
 */
export async function runReplicatePrediction(
  model: string,
  input: Record<string, unknown>,
  ctx: GeneratorContext,
  given: ReplicateAdapterOptions = {},
): Promise<ReplicatePrediction> {
  // Key, base URL and wait are read from the configuration once, for the one client of this generation.
  const options = resolveReplicateOptions(given);
  const client = createReplicateClient(options);
  const [owner, name] = model.split(':')[0].split('/');
  const version = model.includes(':') ? model.split(':')[1] : undefined;
  const get = (id: string, signal: AbortSignal) => client.predictions.get(id, { signal }) as Promise<ReplicatePrediction>;

  const protocol: JobProtocol<ReplicatePrediction, ReplicatePrediction, ReplicatePrediction> = {
    provider: 'replicate',
    names: { display: 'Replicate', job: 'prediction', submit: 'create', id: 'prediction id' },
    submit: (signal) =>
      client.predictions.create({
        ...(version ? { version } : { model: `${owner}/${name}` }),
        input,
        wait: replicateWaitSeconds(options),
        signal,
      }) as Promise<ReplicatePrediction>,
    jobIdOf: (prediction) => prediction?.id,
    // The create's answer is the first status: the create already waited, so the first poll waits too.
    wait: async ({ id, answer }, watch) => {
      if (!watch.settled(answer)) await pollJob((signal) => get(id, signal), watch, { intervalMs: options.pollIntervalMs ?? POLL_FIRST_MS, immediate: false });
    },
    state: stateOf,
    cancel: async (id, signal) => {
      const answer = (await client.predictions.cancel(id, { signal })) as { status?: string };
      if (answer?.status === 'succeeded') return { completed: 'succeeded' };
    },
    result: (prediction) => prediction,
    mapError: (error, jobId) => mapReplicateError(error, jobId),
  };
  return runProviderJob(ctx, protocol, { timeoutMs: generationTimeoutMs(options.timeoutMs) });
}
