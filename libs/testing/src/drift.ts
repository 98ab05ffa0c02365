/**
 * Schema drift: a generator's zod input schema compared with the provider's input schema for
 * its model (the one the emulator holds, or one fetched from the provider by `boards drift`).
 * Pure functions, no test framework: the conformance suite and the CLI both use them.
 */
import { z } from 'zod';
import type { FieldRule, Rules } from '@boards/emulator';

/** The comparable facts of one input field. */
export interface FieldFacts {
  /** JSON type: string, integer, number, boolean, array, object; undefined when not stated (or a file). */
  type?: string;
  /** Accepted values; undefined when any value of the type is accepted. */
  enum?: readonly (string | number)[];
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  /** Must be present in the request (for a generator: the user must give it, no default). */
  required: boolean;
  /** The generator fills it in when the user leaves it out. */
  hasDefault?: boolean;
}

/** Field name -> facts. */
export type SchemaFacts = Record<string, FieldFacts>;

export type DriftKind = 'unknown-field' | 'enum' | 'range' | 'type' | 'required';

/** One difference that would let a free test pass and a paid call fail. */
export interface Drift {
  kind: DriftKind;
  /** The field as the provider names it. */
  field: string;
  message: string;
}

/** What the comparison needs of a generator (a registered Generator has all of it). */
export interface DriftSubject {
  id: string;
  provider: string;
  model: string;
  inputSchema: z.ZodType;
  /** Input fields sent under another name (`{audio: 'file'}`), or not sent at all (null). */
  sentAs?: Readonly<Record<string, string | null>>;
}

type Json = Record<string, unknown>;

/** Integers zod bounds by the safe-integer range: that is no bound at all. */
const isRealBound = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER;

function resolve(node: unknown, root: Json, depth = 0): Json {
  if (!node || typeof node !== 'object' || depth > 20) return {};
  const n = node as Json;
  if (typeof n.$ref === 'string') {
    const target = n.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Json)[decodeURIComponent(key)] : undefined), root);
    const { $ref: _ref, ...rest } = n;
    return { ...resolve(target, root, depth + 1), ...rest };
  }
  if (Array.isArray(n.allOf) && n.allOf.length > 0) {
    const { allOf, ...rest } = n;
    return Object.assign({}, ...(allOf as unknown[]).map((part) => resolve(part, root, depth + 1)), rest);
  }
  return n;
}

/** Facts of one JSON Schema property; `anyOf`/`oneOf` branches are merged (null means nullable, not a type). */
function propertyFacts(node: unknown, root: Json, required: boolean): FieldFacts {
  const p = resolve(node, root);
  const branches = (Array.isArray(p.anyOf) ? p.anyOf : Array.isArray(p.oneOf) ? p.oneOf : undefined) as unknown[] | undefined;
  if (branches) {
    const parts = branches.map((b) => propertyFacts(b, root, required)).filter((f) => f.type !== 'null');
    const types = [...new Set(parts.map((f) => f.type))];
    // One branch without an enum (a plain string) accepts any value of that type.
    const anyValue = parts.some((f) => f.enum === undefined);
    const lows = parts.map((f) => f.min);
    const highs = parts.map((f) => f.max);
    return {
      type: types.length === 1 ? types[0] : undefined,
      enum: anyValue ? undefined : [...new Set(parts.flatMap((f) => f.enum ?? []))],
      min: lows.every(isRealBound) ? Math.min(...(lows as number[])) : undefined,
      max: highs.every(isRealBound) ? Math.max(...(highs as number[])) : undefined,
      required,
      hasDefault: p.default !== undefined,
    };
  }
  const type = Array.isArray(p.type) ? (p.type as string[]).filter((t) => t !== 'null') : p.type;
  const enumValues = Array.isArray(p.enum)
    ? (p.enum as (string | number | null)[]).filter((v): v is string | number => v !== null)
    : p.const !== undefined
      ? [p.const as string]
      : undefined;
  const low = isRealBound(p.minimum) ? p.minimum : isRealBound(p.exclusiveMinimum) ? p.exclusiveMinimum : undefined;
  const high = isRealBound(p.maximum) ? p.maximum : isRealBound(p.exclusiveMaximum) ? p.exclusiveMaximum : undefined;
  return {
    type: Array.isArray(type) ? (type.length === 1 ? type[0] : undefined) : (type as string | undefined),
    ...(enumValues ? { enum: enumValues } : {}),
    ...(low !== undefined ? { min: low } : {}),
    ...(high !== undefined ? { max: high } : {}),
    ...(typeof p.minLength === 'number' ? { minLength: p.minLength } : {}),
    ...(typeof p.maxLength === 'number' ? { maxLength: p.maxLength } : {}),
    required,
    ...(p.default !== undefined ? { hasDefault: true } : {}),
  };
}

/**
 * Facts of an object JSON Schema (an OpenAPI component, a fal endpoint's input, a model's
 * `openapi_schema.components.schemas.Input`): `$ref`, `allOf`, `anyOf` and null are resolved.
 * `root` is the document the `$ref`s point into (default: the schema itself).
 */
export function factsFromJsonSchema(schema: unknown, root: Json = schema as Json): SchemaFacts {
  const s = resolve(schema, root);
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const props = (s.properties ?? {}) as Json;
  return Object.fromEntries(Object.entries(props).map(([name, node]) => [name, propertyFacts(node, root, required.has(name))]));
}

function ruleFacts(rule: FieldRule): Omit<FieldFacts, 'required'> {
  return {
    ...(rule.type ? { type: rule.type } : {}),
    ...(rule.enum ? { enum: rule.enum } : {}),
    ...(rule.min !== undefined ? { min: rule.min } : rule.exclusiveMin !== undefined ? { min: rule.exclusiveMin } : {}),
    ...(rule.max !== undefined ? { max: rule.max } : {}),
    ...(rule.minLength !== undefined ? { minLength: rule.minLength } : {}),
    ...(rule.maxLength !== undefined ? { maxLength: rule.maxLength } : {}),
  };
}

/** Facts of the schema the emulator holds for a model (`providerInputSchema`). */
export function factsFromRules(rules: Readonly<Rules>): SchemaFacts {
  return Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, { ...ruleFacts(rule), required: rule.required === true }]));
}

/**
 * What the generator sends, as facts under the provider's field names: its zod schema as JSON
 * Schema (input side), renamed by `sentAs`; fields mapped to null are not sent.
 */
export function generatorFacts(subject: DriftSubject): SchemaFacts {
  const json = z.toJSONSchema(subject.inputSchema, { io: 'input', unrepresentable: 'any' }) as Json;
  const facts = factsFromJsonSchema(json);
  const sent: SchemaFacts = {};
  for (const [name, f] of Object.entries(facts)) {
    const as = subject.sentAs && Object.hasOwn(subject.sentAs, name) ? subject.sentAs[name] : name;
    if (as !== null) sent[as] = f;
  }
  return sent;
}

const show = (values: readonly (string | number)[]) => values.map((v) => JSON.stringify(v)).join(', ');
const range = (f: { min?: number; max?: number }) => `${f.min ?? '-inf'}..${f.max ?? 'inf'}`;

/** Integer fits number; anything fits an unstated type. */
/** A generator's type fits the provider's: the same, an integer where a number goes, or numbers that are all integers (an enum of them). */
function typeFits(generator: string | undefined, provider: string | undefined, values?: readonly (string | number)[]): boolean {
  if (!generator || !provider || generator === provider || (generator === 'integer' && provider === 'number')) return true;
  return generator === 'number' && provider === 'integer' && values !== undefined && values.every((v) => Number.isInteger(v));
}

/**
 * Every drift of `generator` against `provider`: a field the provider does not have, an enum
 * value it does not accept, a range (or length) wider than its own, a different type, and a
 * field it requires that the generator can leave out. Each message names the field and both sides.
 */
export function compareSchemas(generator: SchemaFacts, provider: SchemaFacts, labels: { generator: string; provider: string }): Drift[] {
  const drifts: Drift[] = [];
  const g = labels.generator;
  const p = labels.provider;
  const add = (kind: DriftKind, field: string, message: string) => drifts.push({ kind, field, message: `${field}: ${message}` });
  for (const [field, gen] of Object.entries(generator)) {
    const prov = provider[field];
    if (!prov) {
      add('unknown-field', field, `${g} sends it; ${p} has no such field (its fields: ${Object.keys(provider).sort().join(', ') || 'none'})`);
      continue;
    }
    if (!typeFits(gen.type, prov.type, gen.enum)) add('type', field, `${g} sends ${gen.type}; ${p} takes ${prov.type}`);
    if (prov.enum) {
      if (!gen.enum) {
        if (gen.type !== 'boolean') add('enum', field, `${g} accepts any ${gen.type ?? 'value'}; ${p} accepts only ${show(prov.enum)}`);
      } else {
        const extra = gen.enum.filter((v) => !prov.enum?.includes(v));
        if (extra.length > 0) add('enum', field, `${g} accepts ${show(extra)}, which ${p} does not (it accepts ${show(prov.enum)})`);
      }
    }
    const wider =
      (prov.min !== undefined && (gen.min === undefined || gen.min < prov.min)) || (prov.max !== undefined && (gen.max === undefined || gen.max > prov.max));
    if (wider && !gen.enum) add('range', field, `${g} allows ${range(gen)}; ${p} allows ${range(prov)}`);
    const longer =
      (prov.maxLength !== undefined && (gen.maxLength === undefined || gen.maxLength > prov.maxLength)) ||
      (prov.minLength !== undefined && (gen.minLength ?? 0) < prov.minLength);
    if (longer && !gen.enum) {
      add(
        'range',
        field,
        `${g} allows a length of ${gen.minLength ?? 0}..${gen.maxLength ?? 'inf'}; ${p} allows ${prov.minLength ?? 0}..${prov.maxLength ?? 'inf'}`,
      );
    }
  }
  for (const [field, prov] of Object.entries(provider)) {
    if (!prov.required) continue;
    const gen = generator[field];
    if (!gen) add('required', field, `${p} requires it; ${g} never sends it`);
    else if (!gen.required && !gen.hasDefault) add('required', field, `${p} requires it; ${g} lets it be left out (optional, no default)`);
  }
  return drifts;
}

/** One report line per drift, for a test failure or the CLI. */
export function formatDrifts(subject: Pick<DriftSubject, 'id' | 'model'>, drifts: Drift[], source: string): string {
  if (drifts.length === 0) return `${subject.id}: no drift against ${source}`;
  return [
    `${subject.id}: ${drifts.length} drift(s) of its input schema against ${source} for ${subject.model}:`,
    ...drifts.map((d) => `  [${d.kind}] ${d.message}`),
  ].join('\n');
}

export * from './drift-snapshot';
export { emulatorSnapshotOf, referenceSnapshots, testPackageSnapshots, workspaceSnapshots } from './emulator-snapshots';
