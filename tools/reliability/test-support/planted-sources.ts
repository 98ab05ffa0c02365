/**
 * The planted keys of the leak tests, spread over the three places a user keeps keys: OpenAI's
 * through its alias in the JSON setting (the missing-key tests use gpt-image-2), keys given in
 * parts (fal's id and secret) in a .env file, the rest in the environment.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS_JSON_VARIABLE } from '@boards/config';
import { plantKeys, Shown, type PlantedKeys, type PlantedProvider } from './planted-keys';

export interface PlantedSources {
  keys: PlantedKeys;
  /** Everything the tests saw, searched for the keys. */
  shown: Shown;
  /** A scratch folder holding the .env file; `remove` deletes it. */
  work: string;
  envFile: string;
  viaJson: PlantedProvider;
  viaDotenv: PlantedProvider[];
  viaEnv: PlantedProvider[];
  /** The variables a process gets: the environment's keys, the JSON setting, and BOARDS_ENV_FILE naming the .env file. */
  env(): Record<string, string>;
  remove(): void;
}

/**
 * Plants fresh keys and writes the .env file (half its values quoted, as users write them); the
 * key of `jsonProvider` goes in BOARDS_GENERATOR_API_KEYS instead.
 */
export function plantSources(jsonProvider: string): PlantedSources {
  const keys = plantKeys();
  const work = mkdtempSync(join(tmpdir(), 'boards-secrets-'));
  const envFile = join(work, 'planted.env');
  const viaJson = keys.of(jsonProvider);
  const viaDotenv = keys.providers.filter((p) => p !== viaJson && p.inParts);
  const viaEnv = keys.providers.filter((p) => p !== viaJson && !p.inParts);
  const lines = viaDotenv.flatMap((p) => Object.entries(p.planted).map(([name, value], i) => (i % 2 ? `${name}='${value}'` : `${name}=${value}`)));
  writeFileSync(envFile, `# planted for the leak test\n${lines.join('\n')}\n`);
  return {
    keys,
    shown: new Shown(),
    work,
    envFile,
    viaJson,
    viaDotenv,
    viaEnv,
    env: () => ({
      ...Object.assign({}, ...viaEnv.map((p) => p.planted)),
      [KEYS_JSON_VARIABLE]: JSON.stringify({ [viaJson.name]: viaJson.key, OTHER_SERVICE_TOKEN: keys.other }),
      BOARDS_ENV_FILE: envFile,
    }),
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}
