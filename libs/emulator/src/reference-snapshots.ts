/**
 * The emulator's reference snapshots (libs/emulator/snapshots/<provider>/<model>.json): the
 * published documents of the models its own tests, its demo and the recordings' replays use,
 * each with its provenance. `startEmulator` serves them unless told not to; the snapshots a
 * caller passes (a generator package's own) replace them model by model.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorSnapshot } from './kernel/types';

/** The folder beside src/ and dist/ in the package. */
const FOLDER = join(__dirname, '..', 'snapshots');

let loaded: EmulatorSnapshot[] | undefined;

/** Every reference snapshot, read once. */
export function referenceSnapshots(): readonly EmulatorSnapshot[] {
  loaded ??= readdirSync(FOLDER, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(FOLDER, d.name))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => JSON.parse(readFileSync(join(FOLDER, d.name, f), 'utf8')) as EmulatorSnapshot),
    );
  return loaded;
}
