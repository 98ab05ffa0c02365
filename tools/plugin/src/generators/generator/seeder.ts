import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ScaffoldFacts } from '@boards/core';

/** A provider's published document of one model, as packages keep it in snapshot.json. */
export interface PublishedSnapshot {
  provenance: { urls: string[]; fetchedAt: string; how: string };
  provider: string;
  model: string;
  document: Record<string, unknown>;
}

/**
 * What an adapter's scaffold seeds offline (a `seed.ts` next to its `scaffold.starter`): a model's
 * snapshot built from material at hand (fal: its client's endpoint types), with provenance saying so.
 */
export interface Seeder {
  seedSnapshot(model: string, now?: Date): PublishedSnapshot;
  seedableModels(): string[];
}

/** The adapter's seeder, or undefined when its scaffold has none. */
export function seederOf(scaffold: ScaffoldFacts): Seeder | undefined {
  const file = join(dirname(scaffold.starter), 'seed.ts');
  return existsSync(file) ? (createRequire(__filename)(file) as Seeder) : undefined;
}
