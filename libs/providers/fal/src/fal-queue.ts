import {
  BoardsError,
  cancelProviderJob,
  CanceledError,
  stoppedError,
  GenerationFailedError,
  ProviderError,
  TimeoutError,
  type GeneratorContext,
} from '@boards/core';
import { generationTimeoutMs } from '@boards/config';
import type { FalClient } from '@fal-ai/client';
import { createFalAdapterClient, type FalAdapterOptions } from './fal-client';
import { mapFalError } from './fal-error';
import { waitUntilCompleted } from './fal-wait';

export interface FalResult<Output = Record<string, unknown>> {
  data: Output;
  requestId: string;
  /** `x-fal-billable-units` of the result, when fal sent it. */
  billableUnits?: string;
}

/** The one fal client of a generation, shared by its uploads and its queue request, and the billable units its result carried. */
export interface FalGeneration {
  readonly client: FalClient;
  billableUnits?: string;
}

/**
 * Opens a generation's client (key and base URL resolved once): uploads are bounded by the
 * generation's signal; queue calls bring their own (a cancel must outlive the abort it follows).
 */
export function openFalGeneration(options: FalAdapterOptions, ctx: GeneratorContext): FalGeneration {
  const units: { value?: string } = {};
  const client = createFalAdapterClient(options, { defaultSignal: ctx.signal, onBillableUnits: (u) => (units.value = u) });
  return {
    client,
    get billableUnits() {
      return units.value;
    },
  };
}

/**
 * Cancels within core's bounded wait. `completed`: fal said the request had already completed
 * (billed; its result stays at fal). `problem`: why the cancel was not confirmed, if it was not.
 */
async function cancelRequest(client: FalClient, endpoint: string, requestId: string, ctx: GeneratorContext): Promise<{ completed: boolean; problem?: string }> {
  let completed = false;
  const problem = await cancelProviderJob(
    { provider: 'fal', jobId: requestId },
    (signal) =>
      client.queue.cancel(endpoint, { requestId, abortSignal: signal }).catch((error: unknown) => {
        // fal answers 400 {status: "ALREADY_COMPLETED"}: the shared fetch keeps that body in the message, the fal client in `body`.
        const e = error as { body?: { status?: unknown }; message?: unknown };
        if (e.body?.status !== 'ALREADY_COMPLETED' && !/ALREADY_COMPLETED/.test(String(e.message))) throw error;
        completed = true;
      }),
    ctx.logger,
  );
  if (completed) ctx.logger.info(`fal: request ${requestId} had already completed when canceled: it is billed and its result is kept at fal`);
  return { completed, problem };
}

/** A submit answer without a request id cannot be polled or canceled: refuse it at once. */
function requestIdOf(answer: { request_id?: unknown } | undefined): string {
  const id = answer?.request_id;
  if (typeof id === 'string' && /^[\w.-]+$/.test(id)) return id;
  throw new ProviderError(`the submit answer has no request_id (got ${JSON.stringify(answer)?.slice(0, 120)})`, { provider: 'fal', retryable: false });
}

/**
 * Submits to fal's queue, follows its status stream (polling at once and then with backoff
 * when the stream fails: no fixed 500 ms sleep), cancels the request on abort or deadline,
 * and fetches the result.
 */
export async function runFalRequest<Output = Record<string, unknown>>(
  endpoint: string,
  input: Record<string, unknown>,
  ctx: GeneratorContext,
  options: FalAdapterOptions = {},
  generation: FalGeneration = openFalGeneration(options, ctx),
): Promise<FalResult<Output>> {
  const timeoutMs = generationTimeoutMs(options.timeoutMs);
  const deadline = AbortSignal.timeout(timeoutMs);
  const stop = AbortSignal.any([ctx.signal, deadline]);
  const { client } = generation;

  let requestId: string | undefined;
  try {
    ctx.progress({ progress: 0.05, phase: 'queued' });
    requestId = requestIdOf(await client.queue.submit(endpoint, { input, abortSignal: stop }));
    ctx.setProviderJob({ provider: 'fal', jobId: requestId });

    await waitUntilCompleted(client, endpoint, requestId, ctx, stop, options);
    ctx.progress({ progress: 0.75, phase: 'running', message: 'fetching result' });
    const result = await client.queue.result(endpoint, { requestId, abortSignal: stop });
    return { data: result.data as Output, requestId, billableUnits: generation.billableUnits };
  } catch (error) {
    if (stop.aborted && requestId) {
      const { completed, problem } = await cancelRequest(client, endpoint, requestId, ctx);
      if (completed) {
        throw new CanceledError('Generation was stopped after the fal request had completed: it is billed and its result is kept at fal', requestId);
      }
      if (ctx.signal.aborted) throw stoppedError({ provider: 'fal', jobId: requestId }, problem, 'Generation was canceled; the fal request was canceled');
      throw new TimeoutError('fal request', timeoutMs, requestId);
    }
    if (stop.aborted) throw ctx.signal.aborted ? new CanceledError() : new TimeoutError('fal submit', timeoutMs);
    // A request that fal completed with an error answers its result with 4xx/500.
    if (error instanceof ProviderError && requestId && error.status && error.status !== 429 && error.status < 502) {
      throw new GenerationFailedError('fal', error.message.replace(/^fal: /, ''), requestId);
    }
    throw BoardsError.isInstance(error) ? withJob(error, requestId) : mapFalError(error, requestId);
  }
}

function withJob(error: BoardsError, requestId: string | undefined): BoardsError {
  if (!(error instanceof ProviderError) || error.jobId || !requestId) return error;
  return new ProviderError(error.message.replace(/^fal: /, ''), {
    provider: 'fal',
    status: error.status,
    requestId: error.requestId,
    jobId: requestId,
    retryable: error.retryable,
    retryAfterSeconds: error.retryAfterSeconds,
  });
}

/** Uploads bytes to fal storage and returns the URL fal models accept as input. */
export async function uploadToFal(
  bytes: Uint8Array,
  mimeType: string,
  fileName: string,
  ctx: GeneratorContext,
  options: FalAdapterOptions = {},
  generation: FalGeneration = openFalGeneration(options, ctx),
): Promise<string> {
  try {
    const blob = new File([bytes as BlobPart], fileName, { type: mimeType });
    return await generation.client.storage.upload(blob);
  } catch (error) {
    throw mapFalError(error, undefined);
  }
}
