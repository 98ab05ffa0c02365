import type { FaultRegistry } from './faults';
import type { FileStore } from './files';
import type { Ctx, Headers } from './http';
import type { Lifetime } from './lifetime';
import type { BuildContext } from './outputs';
import type { Recorder } from './recorder';
import type { EmulatedProvider, OutputKind, RecordedRequest } from './types';
import type { EmulatorSnapshot } from './snapshots';

/** One endpoint of an emulated API. */
export interface Route {
  /** Logical operation name, used by the request log and by fault matching. */
  operation: string;
  method: string | readonly string[];
  /** Path template relative to the provider prefix (see matchPath). */
  path: string;
  /** Whether the provider's credential check applies. Default true. */
  auth?: boolean;
  handle(ctx: Ctx, params: Record<string, string>): Promise<void> | void;
}

/** An emulated API mounted under a path prefix. */
export interface ProviderDef {
  id: RecordedRequest['provider'];
  /** Leading path segments, e.g. ['acme', 'v1']: the provider's base URL is `${url}/${prefix.join('/')}`. */
  prefix: readonly string[];
  /** True for the emulator's own routes (files, control), which are no provider's API and have no base URL. */
  internal?: boolean;
  routes: readonly Route[];
  /** True when the request carries credentials in the provider's form. */
  authorize(ctx: Ctx): boolean;
  /** Answers with the provider's error shape. */
  error(ctx: Ctx, status: number, message: string, headers?: Headers): void;
  /** Answers 401 in the provider's shape. */
  unauthorized(ctx: Ctx): void;
  /** Sends `retry-after-ms` beside Retry-After on a 'status' fault (copied from its module). */
  retryAfterMs?: boolean;
}

/** What a provider's routes may use of the running emulator (the server's state implements it). */
export interface ProviderHost {
  /** The emulator's origin, e.g. http://127.0.0.1:PORT */
  readonly url: string;
  readonly files: FileStore;
  readonly faults: FaultRegistry;
  readonly lifetime: Lifetime;
  readonly recorder: Recorder;
  /** Job time for a model whose real runs typically take `typicalMs` (the request's test's duration, else the emulator's). */
  jobDurationFor(typicalMs: number, testId?: string): number;
  /** The output kind a test registered for `model` of `provider`, if any. */
  registeredKind(provider: EmulatedProvider, model: string): OutputKind | undefined;
  /** The snapshot (published document) given for `model` of `provider`, if any: such a model needs no registration. */
  snapshotOf(provider: EmulatedProvider, model: string): EmulatorSnapshot | undefined;
  /** Every snapshot of `provider`, in the order given. */
  snapshotsOf(provider: EmulatedProvider): EmulatorSnapshot[];
  /** A build context seeded from `what`, so equal inputs give equal media. */
  buildContext(what: unknown): BuildContext;
}

/**
 * One API of a provider as recordings and the proxy name it (a provider may have several: one per
 * host of the real service).
 */
export interface RecordedApiFacts {
  /** Its name in recordings and in `--upstream name=URL`. */
  api: string;
  /** Where the emulator serves it, e.g. `/acme/v1`. */
  path: string;
  /** The real service's base URL: upstream answers naming it are relocated to the emulator. */
  real?: string;
  /**
   * For two APIs served under one emulator path (two real hosts, one emulated API): the paths below
   * `path` that are this API's. An API with `owns` is preferred where it matches.
   */
  owns?(rest: string): boolean;
}

/**
 * One emulated provider API as the server mounts it: its id, its path prefix, how to build its
 * routes for a running emulator, and the facts generic code needs of it (schemas, recorded APIs,
 * proxy names, kept headers). Adding a provider is one folder under providers/ and one entry in
 * providers/index.ts; nothing else names it.
 */
export interface ProviderModule {
  id: EmulatedProvider;
  /** The prefix of the ProviderDef that `create` returns: known before the routes are built (the server builds them on the first request under it). */
  prefix: readonly string[];
  create(host: ProviderHost): ProviderDef;
  /**
   * Where a snapshot of this provider holds the model's input schema (and the document its `$ref`s
   * resolve in; `omit`: fields that name the model rather than configure it). Throws naming what
   * the document lacks.
   */
  snapshotInput(snapshot: EmulatorSnapshot): { schema: unknown; root: unknown; omit?: readonly string[] };
  /** The APIs recordings and the proxy know this provider by. */
  apis: readonly RecordedApiFacts[];
  /**
   * An upstream name that stands for several of `apis` (`--upstream name=URL`): the base URL of
   * each, from the URL given. Undefined for a name it does not own.
   */
  upstreamGroup?: { name: string; expand(url: URL): Record<string, string> };
  /** The model (and generator input) a recorded POST addressed, when the request says. */
  modelOf?(api: string, path: string, request: Record<string, unknown>): { model: string; input: unknown } | undefined;
  /** Answer headers a recording keeps besides the generic ones (request ids, billing units). */
  keptHeaders?: readonly string[];
  /** Sends `retry-after-ms` beside Retry-After on a 'status' fault (as its SDK reads it). */
  retryAfterMs?: boolean;
  /** When tests may register models of this provider: what a model id looks like, for the error naming the field. */
  registration?: string;
}
