/** The recording seam of the shared HTTP layer: one observer sees every exchange with a provider (for replay). */
import type { ProviderName } from './errors';

/** One request and its answer, as an SDK sent and received it (before any scrubbing). */
export interface HttpExchange {
  provider: ProviderName;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  /** Parsed JSON, `{fields, files}` for multipart, `{size, type}` for bytes; undefined when empty. */
  requestBody?: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: Uint8Array;
  at: number;
}

let exchangeObserver: ((exchange: HttpExchange) => void) | undefined;

/**
 * Sees every answer a provider gives through the shared fetch (recording for
 * replay). Only one observer at a time; pass undefined to stop.
 */
export function observeProviderExchanges(observer: ((exchange: HttpExchange) => void) | undefined): void {
  exchangeObserver = observer;
}

async function describeRequestBody(body: unknown): Promise<unknown> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') {
    try {
      return JSON.parse(body);
    } catch {
      return { text: body.slice(0, 2000) };
    }
  }
  if (body instanceof FormData) {
    const fields: Record<string, string> = {};
    const files: Array<{ field: string; fileName: string; size: number; type: string }> = [];
    body.forEach((value, field) => {
      if (typeof value === 'string') fields[field] = value;
      else files.push({ field, fileName: value.name, size: value.size, type: value.type });
    });
    return { fields, files };
  }
  if (body instanceof Blob) return { size: body.size, type: body.type };
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return { size: body.byteLength };
  return { kind: typeof body };
}

export async function observeExchange(provider: ProviderName, method: string, url: string, init: RequestInit | undefined, response: Response) {
  const observer = exchangeObserver;
  if (!observer || !/^https?:/.test(url)) return;
  observer({
    provider,
    method,
    url,
    requestHeaders: Object.fromEntries(new Headers(init?.headers).entries()),
    requestBody: await describeRequestBody(init?.body),
    status: response.status,
    responseHeaders: Object.fromEntries(response.headers.entries()),
    responseBody: new Uint8Array(await response.clone().arrayBuffer()),
    at: Date.now(),
  });
}
