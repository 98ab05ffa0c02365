import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { BoardsError, CanceledError, ProviderError, TimeoutError } from '@boards/core';
import { openAITimeout } from './openai-client';

/**
 * `timeoutMs`: the deadline the client was given (default: the adapter's, see openAITimeout).
 * Maps what the OpenAI SDK throws to the typed family. The shared fetch throws
 * typed errors, which the SDK wraps as a connection error: unwrap them.
 */
export function mapOpenAIError(error: unknown, timeoutMs?: number): BoardsError {
  if (BoardsError.isInstance(error)) return error;
  const cause = (error as { cause?: unknown })?.cause;
  if (BoardsError.isInstance(cause)) return cause;
  if (error instanceof APIUserAbortError) return new CanceledError();
  // The SDK's own timeout says nothing of its length: name the deadline that was set.
  if (error instanceof APIConnectionTimeoutError) return new TimeoutError('openai request', timeoutMs ?? openAITimeout({}));
  if (error instanceof APIError) {
    return new ProviderError(error.message, {
      provider: 'openai',
      status: error.status,
      requestId: error.requestID ?? undefined,
      retryable: error.status === 429 || (error.status ?? 0) >= 500,
    });
  }
  return new ProviderError(error instanceof Error ? error.message : String(error), { provider: 'openai' });
}
