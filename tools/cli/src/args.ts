/**
 * A small command-line parser. Flags are declared per command (and, for `generate`, derived
 * from the generator's input schema), so the parser knows which flags take a value: that is
 * what lets `--seed -5` and `--prompt-upsampling` both work without guessing.
 */
import { usageError } from './errors';

export interface FlagSpec {
  /** Long name without the dashes, kebab-case: `max-cost-without-prompt`. */
  name: string;
  /**
   * `boolean`: `--x`, `--x=false`, `--x false`, `--no-x`.
   * `value`: `--x v` or `--x=v`; the next token is the value unless it is another long flag.
   */
  kind: 'boolean' | 'value';
  /** Values accumulate when given more than once (arrays). Default false: a repeat is a usage error. */
  repeatable?: boolean;
  /** One-letter alias without the dash: `y` for `-y`. */
  short?: string;
}

export type FlagValue = string | boolean;

export interface ParsedArgs {
  /** Arguments that are not flags, in order (everything after `--` included). */
  positionals: string[];
  /** Values by flag name, in the order given. */
  values: Map<string, FlagValue[]>;
  /** Flags absent from the specs, kept in order (only with `allowUnknown`). */
  unknown: Array<{ name: string; value: FlagValue }>;
}

export interface ParseOptions {
  /**
   * Collect unknown flags instead of failing. An unknown flag takes the next token as its value
   * unless that token is another flag (then it is `true`). Default false.
   */
  allowUnknown?: boolean;
}

const BOOLEAN_WORDS = new Map([
  ['true', true],
  ['false', false],
]);

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[], options: ParseOptions = {}): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const result: ParsedArgs = { positionals: [], values: new Map(), unknown: [] };
  const add = (spec: FlagSpec, value: FlagValue) => {
    const list = result.values.get(spec.name) ?? [];
    if (list.length > 0 && !spec.repeatable) throw usageError(`--${spec.name} is given more than once`);
    list.push(value);
    result.values.set(spec.name, list);
  };

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      result.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (/^-[A-Za-z]$/.test(token)) {
      const spec = byShort.get(token.slice(1));
      if (!spec) {
        if (!options.allowUnknown) throw usageError(`unknown option ${token}`);
        result.unknown.push({ name: token.slice(1), value: true });
        continue;
      }
      if (spec.kind === 'boolean') add(spec, true);
      else add(spec, takeValue(argv, i++, token));
      continue;
    }
    if (!token.startsWith('--') || token.length === 2) {
      result.positionals.push(token);
      continue;
    }

    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : token.slice(eq + 1);
    const spec = byName.get(name);
    const negated = !spec && name.startsWith('no-') ? byName.get(name.slice(3)) : undefined;

    if (negated?.kind === 'boolean' && inline === undefined) {
      add(negated, false);
    } else if (spec?.kind === 'boolean') {
      if (inline !== undefined) add(spec, parseBoolean(spec.name, inline));
      else if (BOOLEAN_WORDS.has(argv[i + 1])) add(spec, BOOLEAN_WORDS.get(argv[++i]) as boolean);
      else add(spec, true);
    } else if (spec) {
      add(spec, inline ?? takeValue(argv, i++, token));
    } else if (options.allowUnknown) {
      const next = argv[i + 1];
      const value = inline ?? (next !== undefined && !next.startsWith('--') ? argv[++i] : true);
      result.unknown.push({ name, value });
    } else {
      throw usageError(`unknown option --${name}`);
    }
  }
  return result;
}

function takeValue(argv: readonly string[], index: number, flag: string): string {
  const next = argv[index + 1];
  if (next === undefined || next.startsWith('--')) throw usageError(`${flag} needs a value`);
  return next;
}

function parseBoolean(name: string, text: string): boolean {
  const value = BOOLEAN_WORDS.get(text.toLowerCase());
  if (value === undefined) throw usageError(`--${name} takes true or false, not "${text}"`);
  return value;
}

/** The flag's string value, or undefined. */
export function stringFlag(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values.get(name)?.at(-1);
  return typeof value === 'string' ? value : undefined;
}

/** True when the boolean flag was given (and not negated). */
export function booleanFlag(parsed: ParsedArgs, name: string): boolean {
  return parsed.values.get(name)?.at(-1) === true;
}
