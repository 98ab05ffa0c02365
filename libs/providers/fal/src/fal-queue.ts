import { BoardsError, GenerationFailedError, ProviderError, runProviderJob, type GeneratorContext, type JobProtocol } from '@boards/core';
import { generationTimeoutMs } from '@boards/config';
import type { FalClient } from '@fal-ai/client';
import { createFalAdapterClient, type FalAdapterOptions } from './fal-client';
import { mapFalError } from './fal-error';
import { falState, waitForRequest, type QueueStatus } from './fal-wait';

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

/** fal answers a cancel of a request that already completed with 400 {status: "ALREADY_COMPLETED"}: billed, its result kept at fal. */
function alreadyCompleted(error: unknown): boolean {
  // The shared fetch keeps that body in the message, the fal client in `body`.
  const e = error as { body?: { status?: unknown }; message?: unknown };
  return e.body?.status === 'ALREADY_COMPLETED' || /ALREADY_COMPLETED/.test(String(e.message));
}

/** Maps a fal error, naming the request once it exists. */
function mapError(error: unknown, requestId: string | undefined): BoardsError {
  // A request that fal completed with an error answers its result with 4xx/500.
  if (error instanceof ProviderError && requestId && error.status && error.status !== 429 && error.status < 502) {
    return new GenerationFailedError('fal', error.message.replace(/^fal: /, ''), requestId);
  }
  return BoardsError.isInstance(error) ? withJob(error, requestId) : mapFalError(error, requestId);
}

/**
 * Submits to fal's queue, follows its status stream (polling at once and then with backoff when
 * the stream fails: no fixed 500 ms sleep), and fetches the result; core's runner cancels the
 * request on stop or deadline.
 */
export async function runFalRequest<Output = Record<string, unknown>>(
  endpoint: string,
  input: Record<string, unknown>,
  ctx: GeneratorContext,
  options: FalAdapterOptions = {},
  generation: FalGeneration = openFalGeneration(options, ctx),
): Promise<FalResult<Output>> {
  const { client } = generation;
  const protocol: JobProtocol<{ request_id?: unknown }, QueueStatus, FalResult<Output>> = {
    provider: 'fal',
    names: { display: 'fal', job: 'request', submit: 'submit', id: 'request_id', output: 'result' },
    submit: (signal) => client.queue.submit(endpoint, { input, abortSignal: signal }),
    jobIdOf: (answer) => answer?.request_id,
    wait: ({ id }, watch) => waitForRequest(client, endpoint, id, watch, ctx.logger, options),
    state: falState,
    cancel: (requestId, signal) =>
      client.queue.cancel(endpoint, { requestId, abortSignal: signal }).then(
        () => undefined,
        (error: unknown) => {
          if (alreadyCompleted(error)) return { completed: 'completed' };
          throw error;
        },
      ),
    async result(_, { id, signal }) {
      ctx.progress({ progress: 0.75, phase: 'running', message: 'fetching result' });
      const result = await client.queue.result(endpoint, { requestId: id, abortSignal: signal });
      return { data: result.data as Output, requestId: id, billableUnits: generation.billableUnits };
    },
    mapError,
  };
  return runProviderJob(ctx, protocol, { timeoutMs: generationTimeoutMs(options.timeoutMs) });
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
