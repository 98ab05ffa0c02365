/**
 * Turns `generate` flags into the generator's raw input: `--num-images 2` -> `num_images: 2`,
 * coerced by the field's JSON Schema type, merged over `--input-file`. Validation stays with
 * the generator (`parseInput`); what the flags alone get wrong (an unknown flag, "abc" for an
 * integer) joins its issues, so one InputValidationError names every bad field.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { InputValidationError, type AnyGenerator, type ArtifactType, type FieldIssue } from '@boards/core';
import { ArtifactResolveError, inspectLocalFile } from '@boards/storage';
import type { FlagSpec, FlagValue, ParsedArgs } from './args';
import { usageError } from './errors';
import type { FieldType, InputField } from './schema-fields';

/** Flags for the generator's inputs. A field whose flag the CLI itself uses is left to `--input-file`. */
export function inputFlagSpecs(fields: readonly InputField[], reserved: ReadonlySet<string>): FlagSpec[] {
  return fields
    .filter((f) => !reserved.has(f.flag.slice(2)))
    .map((f) => ({ name: f.flag.slice(2), kind: f.type === 'boolean' ? 'boolean' : 'value', repeatable: f.type === 'array' }));
}

export interface RawInput {
  input: Record<string, unknown>;
  /** Problems found before the schema ran (unknown flags, uncoercible values). */
  issues: FieldIssue[];
}

/** Builds the raw input from the input file (if any) and the flags, which win. */
export function buildRawInput(parsed: ParsedArgs, fields: readonly InputField[], options: { inputFile?: string; cwd: string; knownFlags: string[] }): RawInput {
  const input: Record<string, unknown> = options.inputFile ? readInputFile(resolve(options.cwd, options.inputFile)) : {};
  const issues: FieldIssue[] = [];
  for (const field of fields) {
    const values = parsed.values.get(field.flag.slice(2));
    if (!values) continue;
    const coerced = coerceField(field, values);
    input[field.name] = coerced.value;
    if (coerced.problem) issues.push({ field: field.name, message: `${coerced.problem} (${field.flag})` });
  }
  for (const { name } of parsed.unknown) {
    const hint = closest(name, options.knownFlags);
    issues.push({
      field: name.replace(/-/g, '_'),
      message: `unknown option ${name.length === 1 ? '-' : '--'}${name}${hint ? `; did you mean --${hint}?` : ''}`,
    });
  }
  return { input, issues };
}

function readInputFile(path: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'not valid JSON' : ((error as NodeJS.ErrnoException).code ?? 'unreadable');
    throw usageError(`--input-file ${path}: ${reason}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw usageError(`--input-file ${path}: must hold a JSON object of input fields`);
  return value as Record<string, unknown>;
}

interface Coerced {
  value: unknown;
  problem?: string;
}

function coerceField(field: InputField, values: FlagValue[]): Coerced {
  if (field.type === 'array') {
    const items = values.flatMap((v) => splitList(String(v)));
    const coerced = items.map((item) => coerceScalar(field.itemType ?? 'unknown', item));
    return { value: coerced.map((c) => c.value), problem: coerced.find((c) => c.problem)?.problem };
  }
  const value = values[values.length - 1];
  if (typeof value === 'boolean') return { value };
  return field.type === 'unknown' ? coerceUnion(field.unionTypes ?? [], value) : coerceScalar(field.type, value);
}

/**
 * A list flag: `--tags a,b`, repeated flags, or a JSON array `--tags '["a,b"]'`.
 * A data: URL holds a comma of its own, so it is never split.
 */
function splitList(text: string): unknown[] {
  if (text.trimStart().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // Not JSON after all: treat it as text.
    }
  }
  if (text.startsWith('data:')) return [text];
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function coerceScalar(type: FieldType, value: unknown): Coerced {
  if (typeof value !== 'string') return { value };
  const text = value.trim();
  switch (type) {
    case 'integer':
      return /^[-+]?\d+$/.test(text) ? { value: Number(text) } : { value, problem: `expected an integer, got ${JSON.stringify(value)}` };
    case 'number':
      return text !== '' && Number.isFinite(Number(text)) ? { value: Number(text) } : { value, problem: `expected a number, got ${JSON.stringify(value)}` };
    case 'boolean':
      if (/^(true|yes|1)$/i.test(text)) return { value: true };
      if (/^(false|no|0)$/i.test(text)) return { value: false };
      return { value, problem: `expected true or false, got ${JSON.stringify(value)}` };
    case 'null':
      return text === 'null' ? { value: null } : { value, problem: `expected null, got ${JSON.stringify(value)}` };
    case 'object':
    case 'array':
      try {
        return { value: JSON.parse(text) };
      } catch {
        return { value, problem: `expected JSON, got ${JSON.stringify(value)}` };
      }
    default:
      return { value };
  }
}

/** A union field: the first member type the text parses as, else the text. */
function coerceUnion(types: readonly FieldType[], value: string): Coerced {
  for (const type of ['integer', 'number', 'boolean', 'null'] as const) {
    if (!types.includes(type)) continue;
    const coerced = coerceScalar(type, value);
    if (!coerced.problem) return coerced;
  }
  return { value };
}

/**
 * Validates with the generator's schema and merges the flag problems in: throws one
 * InputValidationError naming every bad field. A field the flags already flagged is not
 * reported twice (the schema would only repeat "expected number, received string").
 */
export function validateInput(generator: AnyGenerator, raw: RawInput): unknown {
  let schemaIssues: FieldIssue[] = [];
  let parsed: unknown;
  try {
    parsed = generator.parseInput(raw.input);
  } catch (error) {
    if (!(error instanceof InputValidationError)) throw error;
    schemaIssues = error.issues;
  }
  const flagged = new Set(raw.issues.map((i) => i.field));
  const issues = [...raw.issues, ...schemaIssues.filter((i) => !flagged.has(i.field) && !flagged.has(i.field.split('.')[0]))];
  if (issues.length > 0) throw new InputValidationError(generator.id, issues);
  return parsed;
}

/** The known flag nearest to `name` (edit distance <= 2, or a prefix), for "did you mean". */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: { flag: string; distance: number } | undefined;
  for (const flag of known) {
    const distance = flag.startsWith(name) || name.startsWith(flag) ? 1 : editDistance(name, flag);
    if (distance <= 2 && (!best || distance < best.distance)) best = { flag, distance };
  }
  return best?.flag;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** A field that takes a file: its description offers a local path (`image_urls`, `audio`) or says it is uploaded. */
const TAKES_FILE = /local path|\buploaded\b/i;

/** Words that name the media type of a file field. */
const TYPE_WORDS: ReadonlyArray<[ArtifactType, RegExp]> = [
  ['image', /\b(images?|photos?|frames?)\b/i],
  ['audio', /\baudio\b/i],
  ['video', /\bvideos?\b/i],
];

/**
 * The media types a file field takes, read from its name (`image_urls`, `audio`), else from its
 * description ("0-2 images to start from"): the generator contract does not declare them. Empty
 * when neither says; such a file is checked against the largest cap only.
 */
export function fileFieldTypes(field: InputField): ArtifactType[] {
  for (const text of [field.name.replace(/_/g, ' '), field.description ?? '']) {
    const types = TYPE_WORDS.filter(([, words]) => words.test(text)).map(([type]) => type);
    if (types.length > 0) return types;
  }
  return [];
}

/**
 * Local files named by the input must exist, be regular files, be within their type's size cap
 * and carry its signature (@boards/storage `inspectLocalFile`: stat and the first bytes, never
 * the whole file), checked before the estimate (a missing audio file is not "cost unknown") and
 * before anything is sent: the error names the field, as any other bad input does. URLs are
 * left to the generation, which checks them the same way before uploading.
 */
export async function checkLocalFiles(generator: AnyGenerator, fields: readonly InputField[], input: Record<string, unknown>, cwd: string): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const field of fields.filter((f) => TAKES_FILE.test(f.description ?? ''))) {
    const value = input[field.name];
    const refs = Array.isArray(value) ? value.map((v, i) => [`${field.name}.${i}`, v] as const) : [[field.name, value] as const];
    for (const [name, ref] of refs) {
      const problem = typeof ref === 'string' ? await localFileProblem(ref, cwd, fileFieldTypes(field)) : undefined;
      if (problem) issues.push({ field: name, message: `${problem} (${field.flag})` });
    }
  }
  if (issues.length > 0) throw new InputValidationError(generator.id, issues);
}

async function localFileProblem(ref: string, cwd: string, types: readonly ArtifactType[]): Promise<string | undefined> {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]+):/.exec(ref)?.[1].toLowerCase();
  if (scheme !== undefined && scheme !== 'file') return undefined;
  let path: string;
  try {
    path = scheme === 'file' ? fileURLToPath(ref) : resolve(cwd, ref);
  } catch {
    return `${JSON.stringify(ref)} is not a valid file:// URL`;
  }
  try {
    const info = statSync(path);
    if (!info.isFile()) return `${JSON.stringify(ref)} is not a regular file`;
  } catch {
    return `no such file: ${JSON.stringify(ref)}`;
  }
  try {
    await inspectLocalFile(path, ref, types);
    return undefined;
  } catch (error) {
    if (error instanceof ArtifactResolveError) return `file ${error.ref} ${error.problem}`;
    throw error;
  }
}
