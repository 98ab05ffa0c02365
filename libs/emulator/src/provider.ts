import type { Ctx, Headers } from './http';
import type { EmulatorState } from './state';
import type { EmulatedProvider, RecordedRequest } from './types';
import type { Rules } from './validate';

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
  /** Leading path segments, e.g. ['replicate', 'v1']: the provider's base URL is `${url}/${prefix.join('/')}`. */
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
}

/**
 * One emulated provider API as the server mounts it: its id, its path prefix, how to build its
 * routes for a running emulator, and the input schema it holds per model (for `providerInputSchema`).
 * Adding a provider is one module in provider-modules.ts; nothing else in the server names it.
 */
export interface ProviderModule {
  id: EmulatedProvider;
  /** The prefix of the ProviderDef that `create` returns: known before the routes are built (the server builds them on the first request under it). */
  prefix: readonly string[];
  create(state: EmulatorState): ProviderDef;
  /** The input schema the module validates `model` with; undefined for a model it does not know. */
  inputSchema(model: string): Readonly<Rules> | undefined;
}
