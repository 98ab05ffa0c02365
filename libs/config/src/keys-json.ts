import { InvalidConfigError } from '@boards/core';
import { KEYS_JSON_VARIABLE, VARIABLE_NAME, isProviderAlias, knownKeyVariables, nonEmpty, variableForName } from './variables';

/**
 * Parses BOARDS_GENERATOR_API_KEYS: a JSON object of VARIABLE_NAME -> key string, where
 * the name of an installed provider (its descriptor's `name`) stands for its key variable.
 * Empty strings are dropped (unset). Errors name the setting or `<setting>.<name>` and never
 * contain the JSON text or any value: the text is full of keys.
 */
const SHOWN_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;
/** Besides the provider variables, only credentials by convention (OTHER_API_KEY, GITHUB_TOKEN). */
const CREDENTIAL_NAME = /^[A-Z][A-Z0-9_]*_(KEY|TOKEN|SECRET|PASSWORD|CREDENTIALS?)$/;

/** Why `name` is not taken as a key variable, or undefined when it is. */
function refusedName(name: string, printable: boolean): string | undefined {
  const known = knownKeyVariables();
  if (isProviderAlias(name) || known.includes(name)) return undefined;
  const near = known.find((known) => distance(known, name.toUpperCase()) <= 2);
  if (near) return `not a key variable; did you mean ${near}?`;
  if (!printable) return 'the name is not a key variable (is a key pasted as a name?)';
  if (!CREDENTIAL_NAME.test(name)) {
    return `${name} is not a key variable (${known.join(', ')}, or a name ending in _KEY, _TOKEN or _SECRET); set other settings in the environment or .env`;
  }
  return undefined;
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

export function parseKeysJson(text: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The SyntaxError is dropped on purpose: V8 quotes the surrounding JSON text in it.
    throw new InvalidConfigError(KEYS_JSON_VARIABLE, `not valid JSON (expected an object like {"${knownKeyVariables()[0] ?? 'SOME_API_KEY'}":"..."})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidConfigError(KEYS_JSON_VARIABLE, `must be a JSON object of variable name -> key, not ${kind(parsed)}`);
  }
  const keys: Record<string, string> = {};
  const givenAs: Record<string, string> = {};
  Object.entries(parsed).forEach(([name, value], index) => {
    // A name that is not a conventional UPPER_CASE variable (or a provider alias) may be a key
    // pasted in the wrong place (r8_... is a valid variable name): show its position only.
    const printable = SHOWN_NAME.test(name) || isProviderAlias(name);
    const setting = printable ? `${KEYS_JSON_VARIABLE}.${name}` : `${KEYS_JSON_VARIABLE}[entry ${index + 1}]`;
    if (!VARIABLE_NAME.test(name)) throw new InvalidConfigError(setting, 'the name is not a variable name');
    const refused = refusedName(name, printable);
    if (refused) throw new InvalidConfigError(setting, refused);
    if (typeof value !== 'string') throw new InvalidConfigError(setting, `must be a string, not ${kind(value)}`);
    if (/[\x00-\x1f\x7f]/.test(value)) throw new InvalidConfigError(setting, 'the value holds a line break or control character (a key never does)');
    const variable = variableForName(name);
    if (givenAs[variable] !== undefined) {
      throw new InvalidConfigError(setting, `${variable} is given twice (as ${givenAs[variable]} and ${name}); keep one`);
    }
    givenAs[variable] = name;
    const key = nonEmpty(value);
    if (key !== undefined) keys[variable] = key;
  });
  return keys;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
