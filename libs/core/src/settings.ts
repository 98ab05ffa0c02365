/**
 * Settings are values: what a generation needs of its configuration (keys, base URLs, waits, the
 * deadline, a fetch), handed in by the program and carried by the generation context, so one
 * process can run generations for two tenants with two keys. Core reads no environment:
 * @boards/config's `resolveSettings()` turns the environment, BOARDS_GENERATOR_API_KEYS and `.env`
 * into this object at the edges (the CLI, the jest setup, the bench).
 */
import type { ProviderName } from './errors';
import type { AnyGenerator } from './generator';

/** One provider's connection. Each field's variable is what @boards/config reads it from. */
export interface ProviderSettings {
  /** The provider's key (its descriptor's `key.variable`: REPLICATE_API_TOKEN, FAL_KEY, ...). */
  apiKey?: string;
  /** Base URL of its API (its descriptor's `baseUrlVariable`, BOARDS_<NAME>_BASE_URL). Default: the provider's real API. */
  baseUrl?: string;
  /** Seconds a blocking call may be held (its descriptor's `waitSecondsVariable`, e.g. BOARDS_REPLICATE_WAIT_SECONDS). Default: the adapter's own. */
  waitSeconds?: number;
}

export interface BoardsSettings {
  /** By provider name (`replicate`, `fal`, ...). A provider without a key here fails with MissingKeyError naming its variable. */
  providers?: Readonly<Record<ProviderName, ProviderSettings>>;
  /** Deadline of one whole generation, in ms (BOARDS_GENERATION_TIMEOUT_MS). Default: the adapter's own (10 minutes). */
  generationTimeoutMs?: number;
  /** What every provider request and output download is sent with, under core's retry policy. Default: the global fetch. */
  fetch?: typeof fetch;
}

/**
 * A generator a program owns: its generations run with `settings` when their context brings none
 * (the way an AI SDK provider instance carries its key and base URL). The module's own instance is untouched.
 */
export function withSettings<G extends AnyGenerator>(generator: G, settings: BoardsSettings): G {
  return { ...generator, generate: (raw, context) => generator.generate(raw, context.settings ? context : { ...context, settings }) };
}
