/**
 * The id of a provider API the emulator speaks: one per module of providers/index.ts. An open
 * set: a new module needs no edit here.
 */
export type EmulatedProvider = string;

/** The kind of output a model answers with. */
export type OutputKind = 'image' | 'video' | 'audio' | 'text';

/**
 * Simulated provider work time of a job, ms, or 'realistic': each model's typical real time
 * scaled down (1/10, at least 1 s), so queued, processing and cancel paths run.
 */
export type JobDuration = number | 'realistic';

/** One model's published document as the emulator is given it (the shape of a generator package's snapshot.json). */
export interface EmulatorSnapshot {
  /** The provider id of an emulated API (`replicate`, `fal`, ...). */
  provider: string;
  /** The model id in the provider's form. */
  model: string;
  /** The provider's document, as its reader stores it. */
  document: Record<string, unknown>;
  /**
   * The kind of media the model answers with: what a document cannot say (a URL is a URL). Default:
   * guessed from the output schema's field names (`video`, `audio`), else image.
   */
  output?: OutputKind;
  /** Where the document came from (kept for the messages; never read). */
  provenance?: unknown;
}

/** A model the emulator does not know, registered by a test with the kind of output it answers. */
export interface ModelRegistration {
  /** A provider whose module accepts registrations (see ProviderModule.registration). */
  provider: EmulatedProvider;
  /** The model id in the provider's form (the module's `registration` says which). */
  model: string;
  output: OutputKind;
}

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** TCP port to listen on. Default 0 (an ephemeral port chosen by the OS). */
  port?: number;
  /** Interface to bind. Default '127.0.0.1' (loopback only). */
  host?: string;
  /**
   * Simulated provider work time for a job from submit to done, ms, or 'realistic' (per model;
   * what `npx boards emulator` uses unless given --job-ms). Default 0, so unit tests stay fast.
   */
  jobDurationMs?: JobDuration;
  /**
   * Serve this recording instead of emulating (live behaviour off): recorded answers in
   * order, a loud 501 for anything not recorded. See `loadRecording`.
   */
  replay?: import('./recording').LoadedRecording;
  /**
   * Proxy mode: requests for these APIs are forwarded to the upstream with the caller's own
   * credentials and its answer returned, e.g. `{replicate: 'https://api.replicate.com/v1',
   * openai: 'https://api.openai.com/v1', fal: 'https://fal.run'}` (or `['replicate=URL', ...]`).
   * See `parseUpstreams` for the names.
   */
  upstream?: Record<string, string> | readonly string[];
  /** With `upstream`: save a scrubbed, replayable recording of every proxied exchange in this folder. */
  recordTo?: string;
  /** Deadline of one upstream call, ms. Default 90 000. */
  upstreamTimeoutMs?: number;
  /**
   * Largest request body read, bytes (default 512 MB). A longer body is answered 413 in the
   * provider's error shape; lower it to test that path without a large upload.
   */
  maxBodyBytes?: number;
  /**
   * Bearer token the control API (`/__emulator/...`) requires (`Authorization: Bearer <token>`,
   * else 401). Default: none on a loopback host; on any other host a random one, since the control
   * API changes what every client gets (read it from `Emulator.controlToken`).
   */
  controlToken?: string;
  /**
   * Published documents of models (a generator package's `snapshot.json`: `{provider, model,
   * document}`): each such model is served without registration, its requests validated, defaulted
   * and answered as its document says. A later snapshot of the same model replaces an earlier one.
   */
  snapshots?: readonly EmulatorSnapshot[];
  /**
   * Serve the emulator's reference snapshots (its package's snapshots/ folder: the models its own
   * tests and the recordings use) under `snapshots`. Default true; false serves only `snapshots`.
   */
  referenceSnapshots?: boolean;
  /** Quiet by default; a function to receive log lines (one per answered request, never a key). */
  log?: (line: string) => void;
}

/** One request the emulator received, with secrets removed. */
export interface RecordedRequest {
  /** Which API the request addressed; 'files' for generated/uploaded file downloads, 'control' for /__emulator. */
  provider: EmulatedProvider | 'files' | 'control';
  /**
   * Logical operation: replicate 'submit' | 'get' | 'stream' | 'cancel' | 'model'; fal 'submit' | 'status' | 'status-stream' |
   * 'result' | 'cancel' | 'run' | 'upload-initiate' | 'upload' | 'upload-complete'; openai 'images' | 'transcription' |
   * 'models' | 'model'; files 'download'; 'unknown' when no route matched.
   */
  operation: string;
  method: string;
  /** Path as received, without the query string. */
  path: string;
  /** Query parameters; values of token-like parameters are '[REDACTED]'. */
  query: Record<string, string>;
  /** Lower-cased header names; authorization / x-api-key (and other credential headers) are '[REDACTED]'. */
  headers: Record<string, string>;
  /** SHA-256 fingerprint (16 hex digits) of the credential sent, never the credential itself. */
  credential?: string;
  /** Parsed JSON; for multipart `{fields, files: [{field, fileName, size, contentType}]}`; `{size}` for other bytes; absent when empty. */
  body?: unknown;
  /** The request's `x-boards-test-id`, when it carried one. */
  testId?: string;
  /** Status the emulator answered; 0 while unanswered, and for 'reset' / 'hang' faults. */
  status: number;
  /** Date.now() when the request arrived. */
  at: number;
}

/** What an injected fault does to a matching request. */
export type FaultKind =
  | 'latency' // delay the response by latencyMs then answer normally
  | 'status' // answer with `status` and a provider-shaped error body; retryAfterSeconds sets Retry-After (and retry-after-ms)
  | 'reset' // destroy the socket without answering
  | 'hang' // never answer (until the server stops or the client aborts)
  | 'malformed' // 200 with an unparseable JSON body
  | 'job-failed' // the next job created for the provider ends failed
  | 'job-canceled' // the next job created for the provider ends canceled
  | 'truncated' // Content-Length says N but fewer bytes are sent, then the socket closes
  | 'short' // 200 with only the first 120 bytes of the body and an honest Content-Length (a cut file served whole)
  | 'not-found'; // 404 with a provider-shaped error body

/** A fault to inject; see {@link FaultKind}. */
export interface FaultSpec {
  /** Provider whose requests are affected; '*' matches every provider except the control API. */
  provider: EmulatedProvider | 'files' | '*';
  /** Logical operation to hit (see {@link RecordedRequest.operation}); default: any operation. */
  operation?: string;
  kind: FaultKind;
  /** HTTP status for kind 'status' (default 500). */
  status?: number;
  /** Seconds for the Retry-After header of kind 'status' (openai also gets retry-after-ms). */
  retryAfterSeconds?: number;
  /** Delay for kind 'latency', ms (default 1000). */
  latencyMs?: number;
  /** How many matching requests (or jobs) it affects; default 1; Infinity allowed (JSON: null or "Infinity"). */
  times?: number;
  /**
   * Scopes the fault to one test: it only matches requests whose `x-boards-test-id` header
   * has this value. Unscoped faults (no testId) match every request, with or without the header.
   */
  testId?: string;
}

/** A running emulator, as the server gives it (the package's `Emulator` adds each provider's base URL by name). */
export interface ServerEmulator {
  /** Base URL, e.g. http://127.0.0.1:PORT */
  readonly url: string;
  /** The base URL of every emulated provider API, by provider id (`${url}/<its prefix>`). */
  readonly baseUrls: Readonly<Record<string, string>>;
  /** The token the control API requires (see `EmulatorOptions.controlToken`), or undefined when it needs none. */
  readonly controlToken?: string;
  /** In replay mode: recorded exchanges no request has asked for yet. */
  unservedReplay(): import('./recording').RecordedExchange[];
  /** Every request received so far, oldest first. */
  readonly requests: readonly RecordedRequest[];
  requestsFor(provider: RecordedRequest['provider']): RecordedRequest[];
  /**
   * Resolves with the next request to `provider` (and `operation`, if given) when it arrives, so a
   * test can act on an event instead of a timer; rejects after `timeoutMs` (default 10 000).
   */
  nextRequest(match: { provider: RecordedRequest['provider']; operation?: string }, timeoutMs?: number): Promise<RecordedRequest>;
  /**
   * Moves the emulator's clock forward by `ms`: jobs progress, `Prefer: wait` holds, latency
   * faults and streams end as if that time had passed, at once. The clock starts at the wall clock.
   */
  advanceClock(ms: number): void;
  clearRequests(): void;
  injectFault(fault: FaultSpec): void;
  /** Removes every fault, or with `testId` only the faults scoped to that test. */
  clearFaults(testId?: string): void;
  /**
   * Sets the job duration of every job, or with `testId` of the jobs created by requests carrying
   * that `x-boards-test-id` (`null` removes that test's duration).
   */
  setJobDurationMs(ms: JobDuration | null, testId?: string): void;
  /** Lets a model the emulator does not know answer with outputs of `output` kind (unknown models answer 404). */
  registerModel(registration: ModelRegistration): void;
  /** Serves these models from their published documents from now on (see `EmulatorOptions.snapshots`). */
  addSnapshots(...snapshots: readonly EmulatorSnapshot[]): void;
  /** Closes all sockets, including hanging requests, open streams and pending `Prefer: wait` requests. */
  stop(): Promise<void>;
}
