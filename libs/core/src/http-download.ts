/** Downloads of a provider's outputs: retried, size-capped and read chunk by chunk. */
import { BoardsError, CanceledError, ProviderError, type ProviderName } from './errors';
import { attemptRequest, type AttemptSettings } from './http-attempt';
import { networkFailure, protocolOf, requestIdFrom, type ProviderProtocol } from './http-errors';
import { DEFAULT_RETRY_POLICY, withRetries, type AttemptOutcome, type RetryPolicy } from './http-retry';

export interface DownloadOptions {
  provider: ProviderName;
  /** How to read the provider's request ids and error bodies. Default: its registered descriptor. */
  protocol?: ProviderProtocol;
  signal?: AbortSignal;
  jobId?: string;
  retry?: Partial<RetryPolicy>;
  /** Refuse an output larger than this many bytes (default: no cap). */
  maxBytes?: number;
  /** What the download is sent with. Default: the global fetch. */
  fetch?: typeof fetch;
}

/**
 * Reads a response body chunk by chunk, stopping (and canceling the transfer) once it passes
 * `maxBytes`: an endless or oversized stream never grows past the cap in memory.
 * Returns undefined when the body was larger than the cap.
 */
export async function readBodyCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** 1 MiB: for messages about sizes. */
const MIB = 1024 * 1024;

/** A 4xx other than 408/429 will not heal by waiting: a download gets one more try (a just-written output may not be served yet), then stops. */
function healsOnRetry(error: BoardsError, attempt: number): boolean {
  return !(error instanceof ProviderError && error.status && error.status < 500 && error.status !== 408 && error.status !== 429 && attempt >= 2);
}

/**
 * Downloads a provider's output with retries (core's one retry loop): a result the provider
 * already produced (and billed) is not given up after one failed or truncated transfer.
 * The body is read in chunks up to `maxBytes`; a larger output is refused at once.
 */
export async function downloadBytes(url: string, options: DownloadOptions): Promise<{ bytes: Uint8Array; contentType?: string }> {
  if (url.startsWith('data:')) {
    const response = await fetch(url);
    return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? undefined };
  }
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const protocol = protocolOf(options.provider, options.protocol);
  const signals = options.signal ? [options.signal] : [];
  const settings: AttemptSettings = { provider: options.provider, protocol, policy, signals, fetch: options.fetch };
  let attempts = 0;

  const attempt = async (n: number): Promise<AttemptOutcome<{ bytes: Uint8Array; contentType?: string }>> => {
    attempts = n;
    try {
      const request = await attemptRequest(url, undefined, settings);
      if (!('value' in request)) {
        const { failure } = request;
        // Unlike an SDK's request, a download is repeated even past a long Retry-After (backing off as usual).
        const waitMs = request.retry ? request.waitMs : undefined;
        return healsOnRetry(failure, n) ? { failure, retry: true, reason: failure.message, waitMs } : { failure, retry: false };
      }
      const response = request.value;
      const expected = Number(response.headers.get('content-length') ?? NaN);
      const bytes = await readBodyCapped(response, maxBytes);
      if (!bytes) {
        // Waiting will not make it smaller: not retried.
        const failure = new ProviderError(`output is larger than the ${Math.round(maxBytes / MIB)} MiB allowed for it; not stored`, {
          provider: options.provider,
          status: response.status,
          requestId: requestIdFrom(response.headers, protocol),
          jobId: options.jobId,
          retryable: false,
        });
        return { failure, retry: false };
      }
      if (Number.isFinite(expected) && bytes.length !== expected) {
        const failure = new ProviderError(`download truncated: ${bytes.length} of ${expected} bytes`, {
          provider: options.provider,
          status: response.status,
          requestId: requestIdFrom(response.headers, protocol),
          retryable: true,
        });
        return { failure, retry: true, reason: 'truncated' };
      }
      return { value: { bytes, contentType: response.headers.get('content-type') ?? undefined } };
    } catch (error) {
      if (error instanceof CanceledError) throw error;
      if (options.signal?.aborted) throw new CanceledError();
      // The body broke off while being read (a reset mid-transfer).
      const network = networkFailure(error, url);
      const failure = BoardsError.isInstance(error)
        ? error
        : new ProviderError(`download failed: ${network.reason}`, { provider: options.provider, retryable: network.retryable });
      return healsOnRetry(failure, n) ? { failure, retry: true, reason: failure.message } : { failure, retry: false };
    }
  };

  try {
    return await withRetries(policy, signals, attempt);
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    const message = error.message.replace(new RegExp(`^${options.provider}: `), '').replace(/ \((status|request|job) [^)]*\)$/, '');
    throw new ProviderError(`output download failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${message}`, {
      provider: options.provider,
      status: error.status,
      requestId: error.requestId,
      jobId: options.jobId,
      retryable: error.retryable,
    });
  }
}
