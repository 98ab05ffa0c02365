import { ApiError } from '@fal-ai/client';
import { BoardsError, ProviderError } from '@boards/core';

/** Maps what the fal client throws (its ApiError / ValidationError, or anything else) to the typed family. */
export function mapFalError(error: unknown, jobId: string | undefined): BoardsError {
  if (BoardsError.isInstance(error)) return error;
  if (error instanceof ApiError) {
    return new ProviderError(error.message, {
      provider: 'fal',
      status: error.status,
      requestId: error.requestId || undefined,
      jobId,
      retryable: error.status === 429 || error.status >= 500,
    });
  }
  return new ProviderError(error instanceof Error ? error.message : String(error), { provider: 'fal', jobId });
}
