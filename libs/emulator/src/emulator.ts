/**
 * The emulator of every provider in providers/index.ts: the server and service bound to that list,
 * and the facts the package exports that depend on it (schemas, replay paths, kept headers).
 */
import type { ProviderModule } from './kernel/provider';
import { keptHeaders as keptHeadersOf } from './kernel/scrub';
import type { EmulatedProvider, EmulatorOptions, ServerEmulator } from './kernel/types';
import { rulesOf, type Rules } from './kernel/rules';
import type { EmulatorSnapshot } from './kernel/types';
import { referenceSnapshots } from './reference-snapshots';
import { PROVIDER_MODULES, type ProviderBaseUrls } from './providers/index';
import { ApiTable } from './server/apis';
import { parseServiceArgs as parseArgs, runEmulatorService as runService, serviceHelp, type ServiceIo, type ServiceOptions } from './server/service';
import { startServer } from './server/start';

/** A running emulator. */
export type Emulator = ServerEmulator & ProviderBaseUrls;

const PROVIDERS: readonly ProviderModule[] = PROVIDER_MODULES;
const APIS = new ApiTable(PROVIDERS);

/** Starts the emulator: a real HTTP server on loopback (ephemeral port by default). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return (await startServer(PROVIDERS, options)) as unknown as Emulator;
}

/**
 * The input schema of a provider's model as its snapshot publishes it, summarized as field rules
 * (type, required, enum, range, length): from `snapshots` (default: the emulator's reference
 * snapshots). Undefined for a model without a snapshot, and for a provider it does not serve.
 */
export function providerInputSchema(
  provider: EmulatedProvider,
  model: string,
  snapshots: readonly EmulatorSnapshot[] = referenceSnapshots(),
): Readonly<Rules> | undefined {
  const module = PROVIDERS.find((m) => m.id === provider);
  const snapshot = [...snapshots].reverse().find((s) => s.provider === provider && s.model === model);
  if (!module || !snapshot) return undefined;
  const { schema, root, omit } = module.snapshotInput(snapshot);
  return rulesOf(schema, root, omit);
}

/** Where a recorded API lives on the emulator (`files`: recorded output media). */
export function replayPrefix(api: string): string {
  return APIS.prefixOf(api);
}

/** Response headers a recording keeps (everything else is dropped). */
export const KEPT_HEADERS: readonly string[] = APIS.keptHeaders;

/** The response headers a recording keeps, scrubbed. */
export function keptHeaders(headers: Record<string, string>, scrub: (text: string) => string): Record<string, string> {
  return keptHeadersOf(headers, scrub, KEPT_HEADERS);
}

/** The `--help` text of `boards-emulator`. */
export const SERVICE_HELP = serviceHelp(PROVIDERS);

/** Parses `boards-emulator`'s arguments. */
export function parseServiceArgs(argv: readonly string[]): ServiceOptions {
  return parseArgs(argv, PROVIDERS);
}

/** Runs `boards-emulator` until SIGTERM or Ctrl-C; resolves with the exit code. */
export function runEmulatorService(argv: readonly string[], io?: ServiceIo): Promise<number> {
  return runService(argv, PROVIDERS, io);
}
