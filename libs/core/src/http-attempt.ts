/**
 * One attempt of a provider request under the shared HTTP policy: its own deadline, the reach
 * witness told before and after, the exchange observed, and the outcome classified for the
 * retry loop (never a retry that could start a second billed job).
 */
import { BoardsError, CanceledError, ProviderError, TimeoutError, type ProviderName } from './errors';
import { errorFromResponse, malformedJson, networkFailure, requestIdFrom, type ProviderProtocol } from './http-errors';
import { observeExchange } from './http-exchanges';
import { retryAfterMs, type AttemptOutcome, type RetryPolicy } from './http-retry';
import { currentReachWitness } from './reach';

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** Errors where the request never reached the server: always safe to repeat. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

export function methodOf(input: RequestInfo | URL, init?: RequestInit): string {
  return (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
}

export function urlOf(input: RequestInfo | URL): string {
  return input instanceof Request ? input.url : String(input);
}

export interface AttemptSettings {
  provider: ProviderName;
  protocol: ProviderProtocol;
  policy: RetryPolicy;
  /** Every signal that aborts the request (the fetch's, the call's). */
  signals: AbortSignal[];
  isSafeToRepeat?: (method: string, url: string) => boolean;
  onResponse?: (info: { method: string; url: string; response: Response }) => void;
  fetch?: typeof fetch;
}

/**
 * One request under its own deadline, classified: a 2xx/304 with a readable body is the answer;
 * anything else is a typed failure that says whether a retry can help and cannot double-bill
 * (429 always; 408, 5xx, timeouts and malformed JSON only when the request is safe to repeat;
 * network failures when it is safe to repeat or was never sent).
 */
export async function attemptRequest(input: RequestInfo | URL, init: RequestInit | undefined, settings: AttemptSettings): Promise<AttemptOutcome<Response>> {
  const { provider, protocol, policy, signals } = settings;
  const method = methodOf(input, init);
  const url = urlOf(input);
  const safeToRepeat = IDEMPOTENT.has(method) || (settings.isSafeToRepeat?.(method, url) ?? false);
  const timeoutMs = policy.attemptTimeoutMs;
  const path = new URL(url).pathname;
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    // Counted before the answer: a request that gets none may still have reached a billing provider.
    // Only requests that can reach a server count (an SDK probing its fetch with a data: URL reaches none).
    const witness = /^https?:/i.test(url) ? currentReachWitness() : undefined;
    witness?.noteSent(url);
    const response = await (settings.fetch ?? fetch)(input, { ...init, signal: AbortSignal.any([...signals, timeout]) });
    witness?.noteAnswer(response.headers);
    await observeExchange(provider, method, url, init, response).catch(() => undefined);
    if ((response.ok || response.status === 304) && !(await malformedJson(response))) {
      settings.onResponse?.({ method, url, response });
      return { value: response };
    }
    if (response.ok) {
      const failure = new ProviderError(`malformed JSON in the answer to ${method} ${path}`, {
        provider,
        status: response.status,
        requestId: requestIdFrom(response.headers, protocol),
        retryable: safeToRepeat,
      });
      return safeToRepeat ? { failure, retry: true, reason: 'malformed JSON' } : { failure, retry: false };
    }
    const failure = await errorFromResponse(provider, response, undefined, protocol);
    const status = response.status;
    if (!(status === 429 || (safeToRepeat && (status === 408 || status >= 500)))) return { failure, retry: false };
    const waitMs = retryAfterMs(response.headers);
    if (waitMs !== undefined && waitMs > policy.maxRetryAfterMs) return { failure, retry: false };
    return { failure, retry: true, reason: `status ${status}`, waitMs };
  } catch (error) {
    if (BoardsError.isInstance(error)) throw error;
    if (signals.some((s) => s.aborted)) throw new CanceledError();
    if (timeout.aborted) {
      const failure = new TimeoutError(`${provider} ${method} ${path}`, timeoutMs);
      return safeToRepeat ? { failure, retry: true, reason: 'timeout' } : { failure, retry: false };
    }
    const network = networkFailure(error, url);
    const code = network.code ?? 'network error';
    // A blocked port never left this machine; a refused connection or an unknown host never reached the provider.
    const blocked = network.code === undefined && !network.retryable;
    if (!safeToRepeat && !blocked && !NOT_SENT_CODES.has(code)) {
      // The connection broke after the request may have been read (a reset, a hang-up): a submit may
      // have created a billed job, so a caller retrying on `retryable` could pay twice.
      const reason = `${network.reason}; the request may have reached ${provider}: the job may already exist and be billed; resubmitting is not safe: check the ${provider} dashboard`;
      return { failure: new ProviderError(`${method} ${path} failed: ${reason}`, { provider, retryable: false }), retry: false };
    }
    const failure = new ProviderError(`${method} ${path} failed: ${network.reason}`, { provider, retryable: network.retryable });
    // A blocked port fails the same way every time; a refused connection may be a server starting.
    if (blocked) return { failure, retry: false };
    return { failure, retry: true, reason: code };
  }
}
