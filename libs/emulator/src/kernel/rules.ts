/**
 * A published input schema summarized as field rules (type, required, enum, range, length,
 * items): what `providerInputSchema` answers for the tools that compare a generator with the
 * provider's fields (the conformance suite, the package scaffolder). Read from a snapshot.
 */
import { resolved } from './schema-check';

/** Constraints of one input field, as the provider's published schema states them. */
export interface FieldRule {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  required?: boolean;
  /** null is accepted (and means "not given"). */
  nullable?: boolean;
  min?: number;
  max?: number;
  /** Strict lower bound (JSON Schema exclusiveMinimum). */
  exclusiveMin?: number;
  minLength?: number;
  maxLength?: number;
  enum?: readonly (string | number)[];
  /** Fewest items of an array field (JSON Schema minItems). */
  minItems?: number;
  /** Most items of an array field (JSON Schema maxItems). */
  maxItems?: number;
  /** Rule of each item of an array field. */
  items?: FieldRule;
}

/** A model's input schema as rules: field name -> rule. */
export type Rules = Record<string, FieldRule>;

type Json = Record<string, unknown>;
const TYPES = ['string', 'integer', 'number', 'boolean', 'array', 'object'];
const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

function ruleOf(node: unknown, root: unknown, required: boolean, depth = 0): FieldRule {
  const s = resolved(node, root);
  const branches = ((Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : []) as unknown[]).map((b) => resolved(b, root));
  const parts = branches.filter((b) => b.type !== 'null');
  const one: Json = parts.length === 1 && depth < 8 ? { ...parts[0], ...s } : s;
  const rule: FieldRule = {};
  const types = (Array.isArray(one.type) ? one.type : [one.type]).filter((t) => t !== 'null' && TYPES.includes(String(t)));
  if (types.length === 1) rule.type = types[0] as FieldRule['type'];
  if (required) rule.required = true;
  if (branches.length > parts.length || one.nullable === true || (Array.isArray(one.type) && one.type.includes('null'))) rule.nullable = true;
  if (Array.isArray(one.enum)) rule.enum = one.enum.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
  const set = <K extends keyof FieldRule>(key: K, value: FieldRule[K] | undefined) => value !== undefined && (rule[key] = value);
  set('min', num(one.minimum));
  set('max', num(one.maximum));
  set('exclusiveMin', num(one.exclusiveMinimum));
  set('minLength', num(one.minLength));
  set('maxLength', num(one.maxLength));
  set('minItems', num(one.minItems));
  set('maxItems', num(one.maxItems));
  if (one.items !== undefined && depth < 8) rule.items = ruleOf(one.items, root, false, depth + 1);
  return rule;
}

/** The rules of the object schema `schema` (its `$ref`s resolve in `root`), less the fields in `omit`. */
export function rulesOf(schema: unknown, root: unknown, omit: readonly string[] = []): Rules {
  const s = resolved(schema, root);
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const props = s.properties && typeof s.properties === 'object' ? (s.properties as Json) : {};
  return Object.fromEntries(
    Object.entries(props)
      .filter(([k]) => !omit.includes(k))
      .map(([k, v]) => [k, ruleOf(v, root, required.has(k))]),
  );
}
