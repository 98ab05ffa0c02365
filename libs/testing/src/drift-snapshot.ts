/**
 * Snapshots of what providers publish, and the comparisons `boards drift` and the generators'
 * unit tests make with them. A snapshot (`packages/<generator>/snapshot.json`) is the provider's
 * own document of the model, as its descriptor's `published.document` fetches it, with its
 * provenance. Pure functions: no provider is named here; each provider reads its own format.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { publishedFields, requireProvider, type ModelLifecycle, type PublishedDocumentSource, type PublishedField, type PublishedModel } from '@boards/core';

type Json = Record<string, unknown>;

/** Where a snapshot's document came from. */
export interface SnapshotProvenance {
  /** The URLs read (the provider's real ones when fetched from it). */
  urls: string[];
  /** When it was fetched (ISO date-time); kept while the document is unchanged. */
  fetchedAt: string;
  /** How: `boards drift --update`, or the stored copy it was started from. */
  how: string;
}

export interface Snapshot {
  provenance: SnapshotProvenance;
  provider: string;
  model: string;
  document: Json;
}

/** The snapshot file of a generator package. */
export const SNAPSHOT_FILE = 'snapshot.json';

export const snapshotPath = (packageDir: string) => join(packageDir, SNAPSHOT_FILE);

/** The snapshot stored in `packageDir`, or undefined when there is none. Throws naming the file when it is not one. */
export function readSnapshot(packageDir: string): Snapshot | undefined {
  const file = snapshotPath(packageDir);
  if (!existsSync(file)) return undefined;
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Partial<Snapshot>;
  for (const key of ['provenance', 'provider', 'model', 'document'] as const)
    if (!snapshot[key]) throw new Error(`${file} has no ${key}: not a snapshot (see boards drift --update)`);
  return snapshot as Snapshot;
}

/** The snapshot as its file holds it (two-space JSON and a final newline). */
export const snapshotText = (snapshot: Snapshot) => `${JSON.stringify(snapshot, null, 2)}\n`;

/** The provider's reader of published documents; throws when the provider has none. */
export function documentSource(provider: string): PublishedDocumentSource {
  const source = requireProvider(provider).published?.document;
  if (!source) throw new Error(`${requireProvider(provider).displayName} has no published document reader (published.document in its descriptor)`);
  return source;
}

const show = (v: unknown) => (v === undefined ? 'none' : JSON.stringify(v));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every difference of two JSON values, one line each: `<path>: stored X, published Y` (at most `max`, then a count). */
export function diffDocuments(stored: unknown, published: unknown, path = '', max = 40): string[] {
  const lines: string[] = [];
  const walk = (a: unknown, b: unknown, at: string) => {
    if (same(a, b)) return;
    const objects = a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b);
    if (objects && !Array.isArray(a)) {
      for (const key of [...new Set([...Object.keys(a as Json), ...Object.keys(b as Json)])].sort())
        walk((a as Json)[key], (b as Json)[key], at ? `${at}.${key}` : key);
      return;
    }
    lines.push(`${at || '(document)'}: stored ${show(a)}, published ${show(b)}`);
  };
  walk(stored, published, path);
  return lines.length > max ? [...lines.slice(0, max), `... and ${lines.length - max} more difference(s)`] : lines;
}

const FIELD_KEYS = ['type', 'enum', 'default', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'required'] as const;

/** The stored facts against the published ones, one line per change naming the field and both values. */
export function compareModels(stored: PublishedModel, published: PublishedModel): string[] {
  const lines: string[] = [];
  for (const name of [...new Set([...Object.keys(stored.inputs), ...Object.keys(published.inputs)])].sort()) {
    const [a, b] = [stored.inputs[name], published.inputs[name]];
    if (!a || !b) {
      lines.push(`input ${name}: ${a ? 'stored, no longer published' : 'newly published'}${b?.required ? ' (required)' : ''}`);
      continue;
    }
    for (const key of FIELD_KEYS) if (!same(a[key], b[key])) lines.push(`${name} ${key}: stored ${show(a[key])}, published ${show(b[key])}`);
  }
  if (!same(stored.output, published.output)) lines.push(...diffDocuments(stored.output, published.output, 'output').map((l) => `output shape ${l}`));
  if (!same(stored.statuses, published.statuses)) {
    const added = (published.statuses ?? []).filter((s) => !stored.statuses?.includes(s));
    const removed = (stored.statuses ?? []).filter((s) => !published.statuses?.includes(s));
    lines.push(
      `status enum: stored ${show(stored.statuses)}, published ${show(published.statuses)}${added.length ? ` (new ${added.map(show).join(', ')})` : ''}${removed.length ? ` (gone ${removed.map(show).join(', ')})` : ''}`,
    );
  }
  if (!same(stored.auth, published.auth)) lines.push(`auth: stored ${show(stored.auth)}, published ${show(published.auth)}`);
  const [sl, pl] = [stored.lifecycle ?? {}, published.lifecycle ?? {}];
  if (!same(sl.shutdownDate, pl.shutdownDate)) lines.push(`lifecycle shutdown_date: stored ${show(sl.shutdownDate)}, published ${show(pl.shutdownDate)}`);
  if (!same(sl.deprecated, pl.deprecated)) lines.push(`lifecycle deprecated: stored ${show(sl.deprecated)}, published ${show(pl.deprecated)}`);
  if (!same(stored.price, published.price)) lines.push(`price: stored ${show(stored.price)}, published ${show(published.price)}`);
  return lines;
}

/** What a model's lifecycle says on `today` (YYYY-MM-DD): a line when it is shut down or deprecated. */
export function lifecycleDrift(model: string, facts: PublishedModel, today = new Date().toISOString().slice(0, 10)): string[] {
  const date = facts.lifecycle?.shutdownDate;
  if (date && date <= today) return [`lifecycle: ${model} shut down on ${date} (its published shutdown_date): no call can succeed`];
  if (facts.lifecycle?.deprecated) return [`lifecycle: ${model} is deprecated${date ? `, shutting down on ${date}` : ''}`];
  return [];
}

/** What the comparison needs of a generator (a registered Generator has all of it). */
export interface SnapshotSubject {
  id: string;
  provider: string;
  model: string;
  artifactType: string;
  inputSchema: z.ZodType;
  lifecycle?: ModelLifecycle;
  /** Input fields sent under another name (`{audio: 'file'}`), or not sent at all (null). */
  sentAs?: Readonly<Record<string, string | null>>;
}

/** Integers zod bounds by the safe-integer range: that is no bound at all. */
const realBound = (n: number | undefined) => (n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);

/** A default a field's description states, `(default 1:1)` or `(default "1")`: what the generator assumes when it leaves the field out. */
export function assumedDefault(description: unknown): string | undefined {
  const m = typeof description === 'string' ? /\(default:? ("([^"]*)"|(?:[^),;:]|:(?! ))+)/i.exec(description) : null;
  return m ? (m[2] ?? m[1]).trim() : undefined;
}

/** The generator's inputs as published fields under the provider's names, with what it assumes of those it leaves out. */
export function generatorFields(subject: SnapshotSubject): Record<string, PublishedField & { assumes?: string }> {
  const json = z.toJSONSchema(subject.inputSchema, { io: 'input', unrepresentable: 'any' }) as Json;
  const props = (json.properties ?? {}) as Record<string, Json>;
  const out: Record<string, PublishedField & { assumes?: string }> = {};
  for (const [name, field] of Object.entries(publishedFields(json))) {
    const as = subject.sentAs && Object.hasOwn(subject.sentAs, name) ? subject.sentAs[name] : name;
    if (as === null) continue;
    const assumes = field.default === undefined ? assumedDefault(props[name]?.description) : undefined;
    out[as] = { ...field, minimum: realBound(field.minimum), maximum: realBound(field.maximum), ...(assumes !== undefined ? { assumes } : {}) };
  }
  return out;
}

/** How descriptions say a boolean default. */
const BOOLEAN_WORDS: Record<string, string> = { off: 'false', on: 'true' };

const LIMITS = [
  ['minimum', 'maximum'],
  ['minLength', 'maxLength'],
  ['minItems', 'maxItems'],
] as const;

/**
 * The generator against the snapshot's facts, one line per problem naming the field and both
 * values: a field the snapshot lacks, a type, enum values it does not accept, limits wider than
 * its own, a field it requires that the generator can leave out, a default the generator assumes
 * that is not the snapshot's (a default the generator sends is its own choice), an output the
 * adapter cannot read, a job status the adapter does not know, and a lifecycle it does not declare.
 */
export function checkGenerator(subject: SnapshotSubject, facts: PublishedModel, source: PublishedDocumentSource): string[] {
  const problems: string[] = [];
  const gen = generatorFields(subject);
  for (const [name, g] of Object.entries(gen)) {
    const p = facts.inputs[name];
    if (!p) {
      problems.push(`${name}: the generator sends it; the snapshot has no such field (its fields: ${Object.keys(facts.inputs).sort().join(', ')})`);
      continue;
    }
    // An integer fits a number; numbers that are all integers (an enum of them) fit an integer.
    const integers = g.type === 'number' && p.type === 'integer' && g.enum?.every((v) => Number.isInteger(v));
    if (g.type && p.type && g.type !== p.type && !(g.type === 'integer' && p.type === 'number') && !integers)
      problems.push(`${name} type: generator ${g.type}, snapshot ${p.type}`);
    if (p.enum && g.type !== 'boolean') {
      const extra = g.enum ? g.enum.filter((v) => !p.enum?.includes(v)) : undefined;
      if (!extra) problems.push(`${name} enum: the generator accepts any ${g.type ?? 'value'}; the snapshot only ${show(p.enum)}`);
      else if (extra.length) problems.push(`${name} enum: the generator accepts ${extra.map(show).join(', ')}, which the snapshot does not (${show(p.enum)})`);
    }
    if (!g.enum)
      for (const [low, high] of LIMITS) {
        // A limit the generator lacks, or one wider than the snapshot's: it would send what the provider refuses.
        if (p[low] !== undefined && (g[low] === undefined || g[low] < p[low]))
          problems.push(`${name} ${low}: generator ${show(g[low])}, snapshot ${p[low]} (wider)`);
        if (p[high] !== undefined && (g[high] === undefined || g[high] > p[high]))
          problems.push(`${name} ${high}: generator ${show(g[high])}, snapshot ${p[high]} (wider)`);
      }
    // A default only the generator's words state (the snapshot has none) cannot be checked; one the snapshot states must agree.
    if (g.assumes !== undefined && p.default !== undefined && String(p.default) !== (BOOLEAN_WORDS[g.assumes] ?? g.assumes))
      problems.push(`${name} default: the generator leaves it out assuming ${show(g.assumes)}, the snapshot's default is ${show(p.default)}`);
  }
  for (const [name, p] of Object.entries(facts.inputs)) {
    if (!p.required) continue;
    if (!gen[name]) problems.push(`${name} required: the snapshot requires it; the generator never sends it`);
    else if (!gen[name].required && gen[name].default === undefined)
      problems.push(`${name} required: the snapshot requires it; the generator lets it be left out`);
  }
  if (facts.output !== undefined) problems.push(...(source.outputProblems?.(facts.output, subject.artifactType) ?? []));
  if (source.knownStatuses)
    for (const status of facts.statuses ?? [])
      if (!source.knownStatuses.includes(status))
        problems.push(`status ${show(status)}: in the snapshot's status enum; the adapter does not know it (it knows ${source.knownStatuses.join(', ')})`);
  const date = facts.lifecycle?.shutdownDate;
  if (date && date !== subject.lifecycle?.retiredOn)
    problems.push(`lifecycle shutdown_date: the snapshot's is ${date}; the generator declares ${show(subject.lifecycle?.retiredOn)} (its lifecycle.retiredOn)`);
  return problems;
}
