import { BoardsError, CanceledError, ProviderError, TimeoutError, type BoardsError as BE } from '@boards/core';

/**
 * Maps what the Replicate SDK throws to the typed family. The shared fetch
 * already throws typed errors for HTTP failures; this covers the SDK's own
 * errors (e.g. its ApiError if a response slipped through) and aborts.
 */
export function mapReplicateError(error: unknown, jobId: string | undefined, deadline?: { deadline: AbortSignal; timeoutMs: number }): BE {
  if (error instanceof ProviderError && jobId && !error.jobId) {
    return new ProviderError(error.message.replace(/^replicate: /, ''), {
      provider: 'replicate',
      status: error.status,
      requestId: error.requestId,
      jobId,
      retryable: error.retryable,
      retryAfterSeconds: error.retryAfterSeconds,
    });
  }
  if (error instanceof CanceledError && deadline?.deadline.aborted) {
    return new TimeoutError('replicate prediction', deadline.timeoutMs, jobId);
  }
  if (BoardsError.isInstance(error)) return error;
  const response = (error as { response?: Response }).response;
  return new ProviderError(error instanceof Error ? error.message : String(error), {
    provider: 'replicate',
    status: response?.status,
    requestId: response?.headers.get('x-request-id') ?? undefined,
    jobId,
    retryable: false,
  });
}
