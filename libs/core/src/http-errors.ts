/**
 * How the shared HTTP policy reads a provider's answers: its request ids, its error bodies and
 * what a network failure says, turned into core's typed errors.
 */
import { ProviderError, type ProviderName } from './errors';
import { registeredProviders, requestIdFromHeaders, type ProviderDescriptor } from './provider';
import { redactSecrets } from './secrets';
import { retryAfterMs } from './http-retry';

/** What the shared fetch reads from a provider's answers: its request-id headers and error bodies (from its descriptor). */
export type ProviderProtocol = Pick<ProviderDescriptor, 'requestIdHeaders' | 'errorMessage'>;

/** Request-id headers of a provider without a descriptor. */
export const GENERIC_PROTOCOL: ProviderProtocol = { requestIdHeaders: ['x-request-id', 'request-id'] };

/** The protocol given, else the registered descriptor of `provider`, else the generic one. */
export function protocolOf(provider: ProviderName, given?: ProviderProtocol): ProviderProtocol {
  return given ?? registeredProviders().find((d) => d.name === provider) ?? GENERIC_PROTOCOL;
}

/** The request id of an answer, from the provider's request-id headers (then `cf-ray`, which a CDN in front adds). */
export function requestIdFrom(headers: Headers | undefined, protocol: ProviderProtocol = GENERIC_PROTOCOL): string | undefined {
  return requestIdFromHeaders(headers, [...protocol.requestIdHeaders, 'cf-ray']);
}

function networkCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * What a failed fetch says about the network, for a message: the error code, or (when fetch
 * refused before connecting, e.g. a port the fetch spec blocks) the cause's own words; and
 * whether trying again can help. A refused connection or a blocked port will not heal by
 * retrying the same call.
 */
export function networkFailure(error: unknown, url: string): { reason: string; code?: string; retryable: boolean } {
  const code = networkCode(error);
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the text as given
  }
  if (code === 'ECONNREFUSED') return { reason: `connection refused by ${host} (ECONNREFUSED: nothing listens there)`, code, retryable: false };
  if (code) return { reason: code, code, retryable: true };
  // Duck-typed: fetch's errors come from another realm under jest (instanceof Error is false).
  const cause = (error as { cause?: { message?: unknown } })?.cause;
  const words = typeof cause?.message === 'string' ? cause.message : undefined;
  if (words === 'bad port') return { reason: `fetch refuses to connect to port ${host.split(':').pop()} (a blocked port)`, retryable: false };
  return { reason: words ?? (error instanceof Error ? error.message : 'network error'), retryable: true };
}

/**
 * A human message from an error body: the provider's own reader (its descriptor's
 * `errorMessage`), then a top-level `message`, then the raw text (cut), then `fallback`.
 */
export function providerMessage(body: string, fallback: string, protocol: ProviderProtocol = GENERIC_PROTOCOL): string {
  try {
    const json = JSON.parse(body) as unknown;
    const message = protocol.errorMessage?.(json) ?? (json as { message?: unknown } | null)?.message;
    if (typeof message === 'string' && message) return message;
  } catch {
    // not JSON: fall through to the raw text
  }
  const text = body.trim().slice(0, 300);
  return text || fallback;
}

/** True when a response that says it is JSON does not parse (a proxy's HTML page, a cut body). */
export async function malformedJson(response: Response): Promise<boolean> {
  if (!response.headers.get('content-type')?.includes('json')) return false;
  try {
    const text = await response.clone().text();
    if (text.length > 0) JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

export async function errorFromResponse(provider: ProviderName, response: Response, jobId?: string, protocol?: ProviderProtocol): Promise<ProviderError> {
  const body = await response.text().catch(() => '');
  const after = retryAfterMs(response.headers);
  const read = protocolOf(provider, protocol);
  return new ProviderError(redactSecrets(providerMessage(body, response.statusText || 'request failed', read)), {
    provider,
    status: response.status,
    requestId: requestIdFrom(response.headers, read),
    jobId,
    retryable: response.status === 429 || response.status >= 500,
    retryAfterSeconds: after === undefined ? undefined : Math.ceil(after / 1000),
  });
}
