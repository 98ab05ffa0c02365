import { createProviderFetch, ProviderError, requestIdFrom, type RetryPolicy } from '@boards/core';
import { descriptor } from './descriptor';
import { kieEnvelopeError, type KieEnvelope } from './kie-error';

/** Kie's API host (market tasks, credits). */
export const KIE_API_URL = 'https://api.kie.ai';
/** Kie's file upload host (docs.kie.ai/file-upload-api: the executable examples use it). */
export const KIE_UPLOAD_URL = 'https://kieai.redpandaai.co';

export interface KieAdapterOptions {
  /** API key (`Authorization: Bearer`). Default: KIE_API_KEY as config resolves it, read at call time. */
  apiKey?: string;
  /**
   * Base URL of the task API. Default: BOARDS_KIE_BASE_URL, else https://api.kie.ai. A base URL
   * other than Kie's own (the emulator, a proxy) also serves the upload API.
   */
  baseUrl?: string;
  /** HTTP retry policy (see @boards/core DEFAULT_RETRY_POLICY). */
  retry?: Partial<RetryPolicy>;
  /** Wait before the second status poll (the first is immediate); later ones grow 1.5x to 500 ms. Default 25 ms. */
  pollIntervalMs?: number;
  /** Deadline for the whole task. Default: BOARDS_GENERATION_TIMEOUT_MS, else 10 minutes. */
  timeoutMs?: number;
  /** What the calls are sent with, under core's retry policy. Default: the settings' `fetch`, else the global fetch. */
  fetch?: typeof fetch;
  /**
   * Where Kie POSTs the task's end (its `callBackUrl`); the adapter reads the task-details endpoint
   * either way. Default: none, except for APIs that require one (Suno music), which get
   * KIE_NO_CALLBACK_URL, a `.invalid` host nothing receives.
   */
  callBackUrl?: string;
}

/** Resolved settings of one Kie call: where to send it, with which key, and through which fetch. */
export interface KieSettings {
  apiKey: string;
  baseUrl: string;
  uploadBaseUrl: string;
  fetch?: typeof fetch;
}

export interface KieCall {
  method: 'GET' | 'POST';
  /** Path on the task API (`/api/v1/...`) or, with `upload`, on the upload API. */
  path: string;
  json?: unknown;
  form?: FormData;
  upload?: boolean;
  /** What the call is, for messages ("createTask google/nano-banana-edit"). */
  what: string;
  /** The task the call is about, for errors. */
  jobId?: string;
  /** Stops this call (the task's stop signal); default: the client's `defaultSignal`. */
  signal?: AbortSignal;
}

/** A client of Kie's HTTP API over core's shared fetch: bearer key, envelope checks, typed errors. */
export interface KieClient {
  call<T>(call: KieCall): Promise<T>;
}

const UPLOAD_PATH = /\/api\/file-[a-z0-9]+-upload$/;

/** Signals and retries of a Kie client: `signal` stops every call, `defaultSignal` the calls that bring none of their own. */
export interface KieClientOptions {
  signal?: AbortSignal;
  defaultSignal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
}

/** One client serves a whole generation (its uploads and its task): each call may bring its own signal. */
export function createKieClient(settings: KieSettings, options: KieClientOptions = {}): KieClient {
  const fetch = createProviderFetch({
    provider: descriptor.name,
    protocol: descriptor,
    signal: options.signal,
    defaultSignal: options.defaultSignal,
    retry: options.retry,
    fetch: settings.fetch,
    // An upload only stores a temporary file: repeating one cannot bill twice.
    isSafeToRepeat: (method, url) => method === 'POST' && UPLOAD_PATH.test(new URL(url).pathname),
  });
  return {
    async call<T>(call: KieCall): Promise<T> {
      const base = call.upload ? settings.uploadBaseUrl : settings.baseUrl;
      const headers: Record<string, string> = { authorization: `Bearer ${settings.apiKey}`, accept: 'application/json' };
      if (call.json !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${base.replace(/\/+$/, '')}${call.path}`, {
        method: call.method,
        headers,
        body: call.form ?? (call.json !== undefined ? JSON.stringify(call.json) : undefined),
        signal: call.signal,
      });
      const requestId = requestIdFrom(response.headers, descriptor) ?? call.jobId;
      const text = await response.text();
      let body: KieEnvelope<T>;
      try {
        body = JSON.parse(text) as KieEnvelope<T>;
      } catch {
        throw new ProviderError(`${call.what}: the answer is not JSON (${text.slice(0, 80)})`, {
          provider: 'kie',
          status: response.status,
          requestId,
          jobId: call.jobId,
        });
      }
      if (Number(body.code) !== 200 || body.success === false) throw kieEnvelopeError(body, { requestId, jobId: call.jobId, what: call.what });
      return body.data as T;
    },
  };
}
