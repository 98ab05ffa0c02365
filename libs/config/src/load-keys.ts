import { registerSecret, type ProviderDescriptor } from '@boards/core';
import { readEnvFile } from './env-file';
import { parseKeysJson } from './keys-json';
import { KEYS_JSON_VARIABLE, knownKeyVariables, nonEmpty, providers } from './variables';

/** Names that hold credentials by convention (OTHER_API_KEY, GITHUB_TOKEN, DB_PASSWORD...). */
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL/i;

/** Where to look for keys. Every field is optional; the defaults read the real process. */
export interface ConfigSourceOptions {
  /** Environment to read (never written). Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Directory that holds `.env`. Default: `process.cwd()`. */
  cwd?: string;
  /**
   * Path of the .env file, relative to `cwd`, or `false` to read none.
   * Default: the BOARDS_ENV_FILE variable, else `<cwd>/.env` (skipped when absent).
   */
  envFile?: string | false;
}

/** The source a variable's value came from. */
export type KeySource = 'environment' | 'BOARDS_GENERATOR_API_KEYS' | '.env';

export interface ResolvedKeys {
  /** Variable name -> value, for every variable found in any source. */
  values: Record<string, string>;
  /** Variable name -> the source that won. */
  sources: Record<string, KeySource>;
}

/**
 * Collects every variable from the three sources. Precedence, highest first:
 * 1. the process environment (`options.env`),
 * 2. BOARDS_GENERATOR_API_KEYS (JSON; read from the environment, else from .env),
 * 3. the .env file.
 * Empty strings count as unset. A provider key whose descriptor has `key.parts` (fal's id and
 * secret), when no source sets it, is its parts joined by the separator.
 * Every key is registered with core's redaction: the provider key variables, every entry of
 * BOARDS_GENERATOR_API_KEYS, and any variable named like a credential (KEY, TOKEN, SECRET,
 * PASSWORD, CREDENTIAL). Other settings (base URLs, NODE_ENV) stay readable.
 */
export function loadKeys(options: ConfigSourceOptions = {}): ResolvedKeys {
  const env = options.env ?? process.env;
  const dotenv = readEnvFile({ env, cwd: options.cwd ?? process.cwd(), envFile: options.envFile });
  const jsonText = nonEmpty(env[KEYS_JSON_VARIABLE]) ?? nonEmpty(dotenv[KEYS_JSON_VARIABLE]);
  // Registered before parsing so that even a parse failure's surroundings cannot print it.
  registerSecret(jsonText);
  const json = jsonText === undefined ? {} : parseKeysJson(jsonText);

  const layers: Array<[KeySource, Record<string, string | undefined>]> = [
    ['environment', env],
    [KEYS_JSON_VARIABLE, json],
    ['.env', dotenv],
  ];
  const resolved: ResolvedKeys = { values: {}, sources: {} };
  const known = knownKeyVariables();
  for (const name of new Set([...known, ...Object.keys(json), ...Object.keys(dotenv)])) {
    const layer = layers.find(([, values]) => nonEmpty(values[name]) !== undefined);
    if (!layer) continue;
    resolved.values[name] = layer[1][name] as string;
    resolved.sources[name] = layer[0];
  }
  for (const descriptor of providers()) combineKeyParts(resolved, descriptor);

  // The emulator's dummy keys are public and obviously fake: redacting them (and every 8-character
  // run of them, such as "emulator") would only blank ordinary words out of messages.
  const dummies = new Set(providers().map((d) => d.emulatorKey));
  for (const [name, value] of Object.entries(resolved.values)) {
    if (dummies.has(value)) continue;
    if (name in json || known.includes(name) || isSecretName(name)) registerSecret(value);
  }
  return resolved;
}

/**
 * `env` with every variable of the sources filled in where it has none (the environment a shell with
 * `.env` sourced would see): a new object for an edge that reads its own settings or hands an
 * environment to a child process. `env` itself is never written.
 */
export function configuredEnvironment(env: NodeJS.ProcessEnv, keys: ResolvedKeys): NodeJS.ProcessEnv {
  const filled = Object.entries(keys.values).filter(([name]) => nonEmpty(env[name]) === undefined);
  return { ...env, ...Object.fromEntries(filled) };
}

/** A key its SDK also accepts in parts (its descriptor's `key.parts`): the parts stand for it when it is unset. */
function combineKeyParts(resolved: ResolvedKeys, descriptor: ProviderDescriptor): void {
  const parts = descriptor.key.parts;
  const key = descriptor.key.variable;
  if (!parts || resolved.values[key] !== undefined) return;
  const values = parts.variables.map((v) => resolved.values[v]);
  if (values.some((v) => v === undefined)) return;
  resolved.values[key] = values.join(parts.separator);
  resolved.sources[key] = resolved.sources[parts.variables[parts.variables.length - 1]];
}

/**
 * Which values to redact. Not every .env line is a secret: redacting NODE_ENV=development
 * would blank the word "development" out of every message.
 */
function isSecretName(name: string): boolean {
  return name === KEYS_JSON_VARIABLE || SECRET_NAME.test(name);
}
