/**
 * A live run in miniature, started as a separate process by src/cap-ledger.redis.integration.test.ts.
 *   race: `attempts` reservations against each given backend at once; prints the grants as JSON.
 *   hold: `attempts` reservations, prints "held", then waits to be killed (exits by itself after 20 s).
 */
import { CapLedger } from '../src/cap-ledger';
import { DirectoryCapStore } from '../src/cap-store-dir';
import { RedisCapStore } from '../src/cap-store-redis';

interface ChildConfig {
  mode: 'race' | 'hold';
  dir: string;
  url: string;
  caFile?: string;
  attempts: number;
  micros: number;
  dailyMicros: number;
  at: string;
}

async function main(config: ChildConfig): Promise<void> {
  const caps = { dailyMicros: config.dailyMicros, monthlyMicros: null };
  const now = () => new Date(config.at);
  const ledgers = {
    directory: new CapLedger(new DirectoryCapStore(config.dir, 'live'), caps, { namespace: 'live', now }),
    redis: new CapLedger(new RedisCapStore(config.url, 'live', { caFile: config.caFile }), caps, { namespace: 'live', now }),
  };
  const estimate = { known: true as const, micros: config.micros, basis: 'race' };
  const attempt = async (ledger: CapLedger) => {
    let granted = 0;
    for (let i = 0; i < config.attempts; i++) {
      try {
        await ledger.reserve(`p${process.pid}`, estimate, { allowUnknown: false });
        granted++;
      } catch (error) {
        if ((error as { code?: string }).code !== 'BUDGET_EXCEEDED') throw error;
      }
    }
    return granted;
  };
  const [directory, redis] = await Promise.all([attempt(ledgers.directory), attempt(ledgers.redis)]);
  if (config.mode === 'race') {
    process.stdout.write(JSON.stringify({ directory, redis }));
    return;
  }
  process.stdout.write('held\n');
  setTimeout(() => process.exit(3), 20_000);
}

main(JSON.parse(process.argv[2]) as ChildConfig).catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
