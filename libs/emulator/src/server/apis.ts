import type { ProviderModule, RecordedApiFacts } from '../kernel/provider';
import { GENERIC_KEPT_HEADERS } from '../kernel/scrub';

/** Where recorded output files are served in replay. */
const FILES: RecordedApiFacts = { api: 'files', path: '/__replay/files' };

/** One recorded API with the provider it belongs to. */
export interface ApiEntry extends RecordedApiFacts {
  module?: ProviderModule;
}

/**
 * The recorded APIs of a list of provider modules: where each lives on the emulator, which
 * provider owns it, the upstream names the proxy accepts and the headers recordings keep.
 */
export class ApiTable {
  readonly entries: readonly ApiEntry[];

  constructor(readonly modules: readonly ProviderModule[]) {
    this.entries = [...modules.flatMap((module) => module.apis.map((facts) => ({ ...facts, module }))), FILES];
  }

  /** The emulator path of a recorded API ('' for one no module names). */
  prefixOf(api: string): string {
    return this.entries.find((e) => e.api === api)?.path ?? '';
  }

  /** The API a request path addresses: the longest matching prefix, an API that `owns` the rest of the path first. */
  find(path: string): ApiEntry | undefined {
    return this.candidates(path)[0];
  }

  /** Every API a request path may address, best first (see `find`). */
  candidates(path: string): ApiEntry[] {
    const rank = (e: ApiEntry) => e.path.length * 2 + (e.owns ? 1 : 0);
    return this.entries
      .filter((e) => path === e.path || path.startsWith(`${e.path}/`))
      .filter((e) => !e.owns || e.owns(path.slice(e.path.length) || '/'))
      .sort((a, b) => rank(b) - rank(a));
  }

  /** The names `--upstream name=URL` accepts: each group name, then each API (output files are never forwarded). */
  get upstreamNames(): string[] {
    return this.modules.flatMap((m) => [...(m.upstreamGroup ? [m.upstreamGroup.name] : []), ...m.apis.map((a) => a.api)]);
  }

  /** Response headers a recording keeps. */
  get keptHeaders(): string[] {
    return [...GENERIC_KEPT_HEADERS, ...this.modules.flatMap((m) => m.keptHeaders ?? [])];
  }
}
