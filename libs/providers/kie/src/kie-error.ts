import { BoardsError, ProviderError } from '@boards/core';

/** Kie's envelope: `{code, msg, data}` (the upload API adds `success`). */
export interface KieEnvelope<T = unknown> {
  code?: unknown;
  msg?: unknown;
  /** The English Get Task Details page's example says `message`; every other page `msg`. */
  message?: unknown;
  success?: unknown;
  data?: T;
}

/**
 * Envelope codes worth trying again: 429 rate limited (Kie: "rejected requests will not enter
 * the queue", so even a createTask may be repeated), 455 maintenance, 500 and up.
 */
export const isRetryableKieCode = (code: number): boolean => code === 429 || code === 455 || code >= 500;

/** Kie's message of an envelope, with a fallback. */
export function kieMessage(body: KieEnvelope | undefined, fallback: string): string {
  const text = body?.msg ?? body?.message;
  return typeof text === 'string' && text.trim() ? text.trim() : fallback;
}

/**
 * The typed error for an envelope whose `code` is not 200. Kie answers many errors with HTTP 200
 * and the code in the body (402 insufficient credits, 422 validation): the code is the status.
 */
export function kieEnvelopeError(body: KieEnvelope, details: { requestId?: string; jobId?: string; what: string }): ProviderError {
  const code = Number(body.code);
  const status = Number.isInteger(code) ? code : undefined;
  const reason = status === 402 ? `insufficient credits: ${kieMessage(body, 'top up at https://kie.ai/billing')}` : kieMessage(body, 'request failed');
  return new ProviderError(`${details.what}: ${reason}`, {
    provider: 'kie',
    status,
    requestId: details.requestId,
    jobId: details.jobId,
    retryable: status !== undefined && isRetryableKieCode(status),
  });
}

/** Maps anything a Kie call throws into the typed family (typed errors pass through, gaining the task id). */
export function mapKieError(error: unknown, jobId: string | undefined): BoardsError {
  if (error instanceof ProviderError && jobId && !error.jobId) {
    return new ProviderError(error.message.replace(/^kie: /, '').replace(/ \((status|request|job) [^)]*\)$/, ''), {
      provider: 'kie',
      status: error.status,
      requestId: error.requestId,
      jobId,
      retryable: error.retryable,
      retryAfterSeconds: error.retryAfterSeconds,
    });
  }
  if (BoardsError.isInstance(error)) return error;
  return new ProviderError(error instanceof Error ? error.message : String(error), { provider: 'kie', jobId });
}
