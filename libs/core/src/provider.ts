/**
 * What a provider is, as data: each adapter package declares its provider once in
 * `src/descriptor.ts` (no SDK import, so listing providers loads no SDK), and everything that
 * needs "all providers" (config's key variables, the emulator variables, the CLI's key report
 * and help, the report's key redaction, the live gate, recording scrubbers, the scaffold
 * generator and its starters, drift, the bench, reliability tests)
 * iterates over the descriptors of the installed adapters (see provider-discovery.ts).
 * Core knows no provider by name.
 */
import type { PublishedDocumentSource } from './published';
import type { BenchFacts, ScaffoldFacts } from './provider-tooling';

/** A provider's name, e.g. the `boards.provider` field of its adapter package. An open set. */
export type ProviderName = string;

/** The API key the SDK reads, and how it is found. */
export interface ProviderKey {
  /** The variable the SDK reads its key from (and the name a missing key error names). */
  variable: string;
  /**
   * Variables that together stand for the key when `variable` is unset anywhere: their values
   * joined by `separator` (e.g. an id and a secret joined by `:`).
   */
  parts?: { variables: readonly string[]; separator: string };
  /** How the key travels: as a bearer token (`Authorization: Bearer <key>`), or `Key <key>`, ... Documentation only. */
  scheme?: string;
  /**
   * What a key looks like, for pages that load no keys and so cannot redact them by value (the
   * report): a match is replaced by `[REDACTED]`; a lookbehind keeps a telling prefix (`r8_`) visible.
   */
  shape?: RegExp;
  /** True when the provider's job ids have `shape` too: a job id is then shown, not redacted by it. */
  jobIdsShareShape?: boolean;
}

/** One HTTP API of a provider, as recordings and replays name it. */
export interface ProviderApi {
  /** The recording's `api` name, e.g. `replicate`, `fal-queue`. */
  api: string;
  /** The real API's base URLs (the first is the canonical one). */
  realBases: readonly string[];
  /** Where the same API sits under the provider's base URL (the emulator's, or an override), e.g. `/queue`; '' for the base itself. */
  basePath: string;
  /** Headers a replay adds to a request of this API that the adapter would send (e.g. `prefer: wait=60` on a create). */
  replayHeaders?(method: string, path: string): Record<string, string> | undefined;
  /** `authorization` header a replay sends (the emulator checks the provider's credential form). */
  replayAuthorization?: string;
  /** Fields of its answers that name a job: a replay maps the recorded id to the emulator's, so later calls address the replayed job. */
  jobIdFields?: readonly string[];
  /** Paths of status polls, which answer 202 while the job runs and 200 when done: which one a replay gets is timing, not shape. */
  statusPoll?: RegExp;
}

/** Where the provider publishes its models' input schemas, for `boards drift`. */
export interface PublishedSchemaSource {
  /** Variable overriding the source URL, e.g. BOARDS_DRIFT_FAL_URL. */
  variable: string;
  defaultUrl: string;
  /** The document URL for one model, from the (overridable) source URL. Default: the source URL. */
  url?(source: string, model: string): string;
  /** Why a model has no published schema to compare, known before anything is fetched. */
  skipped?(model: string, artifactType: string): string | undefined;
  /** True when the source answers authenticated calls only: the provider's key is sent as a bearer token, and without it drift is skipped. */
  needsKey?: boolean;
  /**
   * The model's input JSON schema in the fetched document (and the document its `$ref`s resolve in),
   * or a reason why there is none to compare. Throws when the document does not have the shape expected.
   */
  inputSchema(
    doc: Record<string, unknown>,
    model: string,
    artifactType: string,
    url: string,
  ): { schema: unknown; root: unknown; note?: string; drop?: readonly string[] };
  /** The model's whole published document(s): what a snapshot stores and `boards drift` compares. */
  document?: PublishedDocumentSource;
}

export interface ProviderDescriptor {
  /** The provider's name: project tag, `generator.provider`, the alias in BOARDS_GENERATOR_API_KEYS. */
  name: ProviderName;
  /** How people write it: `Replicate`, `fal`, `OpenAI`. */
  displayName: string;
  /** One line for `boards --help`: what of the provider the adapter drives, and how. */
  help?: string;
  /** The npm package of the official SDK the adapter drives (recordings note it). */
  sdkPackage: string;
  key: ProviderKey;
  /** The dummy key emulator runs use: obviously fake, so a real key never needs to travel. */
  emulatorKey: string;
  /** Variable overriding the API base URL (pointing the adapter at the emulator), e.g. BOARDS_FAL_BASE_URL. */
  baseUrlVariable: string;
  /** The real API's base URL (what the adapter uses when no override is set). */
  defaultBaseUrl: string;
  /** The provider's base URL below an emulator's root URL, e.g. `/replicate/v1`. */
  emulatorPath: string;
  /** Variable holding the seconds a blocking call may be held (its settings' `waitSeconds`), when the provider has such a call. */
  waitSecondsVariable?: string;
  /** Further variables an emulator run sets (e.g. a short blocking wait so aborts are quick). */
  emulatorVariables?: Readonly<Record<string, string>>;
  /** Variables the SDK itself reads that can send calls elsewhere (scrubbed from child processes of tests). */
  sdkVariables?: readonly string[];
  /** Response headers carrying the request id, most specific first. */
  requestIdHeaders: readonly string[];
  /** How the job id is read, in words (for docs and error reports). */
  jobId: string;
  /** Whether a started job can be canceled at the provider (a synchronous API cannot). */
  cancelable: boolean;
  /** Billing facts, in words: what the provider reports after a call. */
  billing: { reports: string; unit?: string };
  /** A human message from the provider's error body, or undefined when this provider's shapes do not match. */
  errorMessage?(body: unknown): string | undefined;
  /** The provider's HTTP APIs, as recordings and replays see them. */
  apis: readonly ProviderApi[];
  published?: PublishedSchemaSource;
  scaffold?: ScaffoldFacts;
  bench?: BenchFacts;
}

const registry = new Map<string, ProviderDescriptor>();

/**
 * Registers a descriptor in this process (an adapter's index does so when imported), so a
 * consumer outside the workspace that imports an adapter needs no package scan. The first
 * descriptor of a name wins (two copies of one adapter package describe the same provider).
 */
export function registerProvider(descriptor: ProviderDescriptor): ProviderDescriptor {
  if (!registry.has(descriptor.name)) registry.set(descriptor.name, descriptor);
  return registry.get(descriptor.name) as ProviderDescriptor;
}

/** The descriptors registered in this process so far, sorted by name. */
export function registeredProviders(): ProviderDescriptor[] {
  return [...registry.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Every variable that holds (part of) a provider's key. */
export function keyVariablesOf(descriptor: ProviderDescriptor): string[] {
  return [descriptor.key.variable, ...(descriptor.key.parts?.variables ?? [])];
}

/** The request id of a response, from the first of `headers` it carries. */
export function requestIdFromHeaders(headers: Headers | undefined, names: readonly string[]): string | undefined {
  if (!headers) return undefined;
  for (const name of names) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

/** The fields of a parsed JSON value (an error body, a published schema document), or none when it is not an object. */
export function bodyFields(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}
