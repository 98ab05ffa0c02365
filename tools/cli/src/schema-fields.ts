/**
 * A generator's inputs as flat field descriptions, read from the zod schema through zod 4's
 * JSON Schema export (input side: a field with a default is optional). `describe` prints
 * them; `generate` turns them into flags and coerces flag text by their type.
 */
import type { AnyGenerator } from '@boards/core';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null' | 'unknown';

export interface InputField {
  /** The input's key: `num_images`. */
  name: string;
  /** The flag that sets it: `--num-images`. */
  flag: string;
  type: FieldType;
  /** For arrays: the items' type. For unions (`type: unknown`): the member types. */
  itemType?: FieldType;
  unionTypes?: FieldType[];
  required: boolean;
  default?: unknown;
  /** Allowed values, when the schema lists them. */
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  description?: string;
}

type JsonSchema = Record<string, unknown>;

/** The generator's input schema as JSON Schema (input side), or undefined when zod cannot express it. */
export function inputJsonSchema(generator: AnyGenerator): JsonSchema | undefined {
  try {
    return generator.inputSchema.toJSONSchema({ io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return undefined;
  }
}

/** `num_images` -> `num-images`. */
export function flagName(field: string): string {
  return field.replace(/_/g, '-');
}

export function inputFields(generator: AnyGenerator): InputField[] {
  const schema = inputJsonSchema(generator);
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(schema?.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).map(([name, property]) => describeProperty(name, property, required.has(name)));
}

function describeProperty(name: string, p: JsonSchema, required: boolean): InputField {
  const field: InputField = { name, flag: `--${flagName(name)}`, type: typeOf(p), required };
  if (field.type === 'array') field.itemType = typeOf((p.items ?? {}) as JsonSchema);
  if (field.type === 'unknown') field.unionTypes = memberTypes(p);
  if ('default' in p) field.default = p.default;
  const allowed = p.enum ?? enumOfUnion(p);
  if (Array.isArray(allowed)) field.enum = allowed;
  if (typeof p.description === 'string') field.description = p.description;
  if (typeof p.pattern === 'string') field.pattern = p.pattern;
  for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const) {
    const value = p[key];
    // `.int()` adds the safe-integer range: a bound nobody wrote is noise.
    if (typeof value === 'number' && Math.abs(value) !== Number.MAX_SAFE_INTEGER) field[key] = value;
  }
  return field;
}

const KNOWN_TYPES: readonly FieldType[] = ['string', 'integer', 'number', 'boolean', 'array', 'object', 'null'];

function typeOf(p: JsonSchema): FieldType {
  if (typeof p.type === 'string' && KNOWN_TYPES.includes(p.type as FieldType)) return p.type as FieldType;
  if (Array.isArray(p.type)) {
    const nonNull = p.type.filter((t) => t !== 'null');
    if (nonNull.length === 1 && KNOWN_TYPES.includes(nonNull[0] as FieldType)) return nonNull[0] as FieldType;
  }
  if ('const' in p) return valueType(p.const);
  const members = memberTypes(p).filter((t) => t !== 'null');
  if (members.length > 0 && members.every((t) => t === members[0])) return members[0];
  if (Array.isArray(p.enum) && p.enum.length > 0) {
    const types = new Set(p.enum.map(valueType));
    if (types.size === 1) return [...types][0];
  }
  return 'unknown';
}

function memberTypes(p: JsonSchema): FieldType[] {
  const members = (p.anyOf ?? p.oneOf) as JsonSchema[] | undefined;
  return Array.isArray(members) ? [...new Set(members.map(typeOf))] : [];
}

function enumOfUnion(p: JsonSchema): unknown[] | undefined {
  const members = (p.anyOf ?? p.oneOf) as JsonSchema[] | undefined;
  if (!Array.isArray(members) || !members.every((m) => 'const' in m || Array.isArray(m.enum))) return undefined;
  return members.flatMap((m) => ('const' in m ? [m.const] : (m.enum as unknown[])));
}

function valueType(value: unknown): FieldType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'object') return typeof value as FieldType;
  return 'unknown';
}
