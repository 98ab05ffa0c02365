import { CapLedger, type CapLedgerOptions } from './cap-ledger';
import { DirectoryCapStore } from './cap-store-dir';
import { RedisCapStore } from './cap-store-redis';
import { capsFromEnv, ledgerDirFromEnv, LEDGER_CA_VARIABLE, LEDGER_URL_VARIABLE } from './caps';

/**
 * The cap ledger the settings choose: Redis when BOARDS_LIVE_LEDGER_URL is set, else the
 * directory BOARDS_LIVE_LEDGER_DIR (default `.live-ledger/` at the workspace root).
 * Emulator runs pass namespace 'rehearsal' and never touch the real caps.
 */
export function capLedgerFromEnv(options: CapLedgerOptions & { env?: NodeJS.ProcessEnv; cwd?: string }): CapLedger {
  const env = options.env ?? process.env;
  const url = env[LEDGER_URL_VARIABLE]?.trim();
  const store = url
    ? new RedisCapStore(url, options.namespace, { caFile: env[LEDGER_CA_VARIABLE]?.trim() || undefined })
    : new DirectoryCapStore(ledgerDirFromEnv(env, options.cwd), options.namespace);
  return new CapLedger(store, capsFromEnv(env), options);
}
