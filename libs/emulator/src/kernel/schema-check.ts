/**
 * A provider's published JSON Schema (an OpenAPI component, `$ref`s into its document) as the
 * emulator checks requests with: ajv validation reported in the pydantic vocabulary every
 * provider's error shape is built from (`Issue`), and the documented defaults applied.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

type Json = Record<string, unknown>;
type Input = Record<string, unknown>;

/** One invalid input field, in the vocabulary of pydantic (fal answers in it natively; the other providers' shapes are built from it). */
export interface Issue {
  path: (string | number)[];
  msg: string;
  type: string;
  ctx?: Record<string, unknown>;
}

/** `'a', 'b' or 'c'` */
export function enumText(values: readonly (string | number)[]): string {
  const list = values.map((e) => `'${e}'`);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : (list[0] ?? '');
}

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `$ref` (into `root`) and `allOf` of `node` merged, as OpenAPI documents combine them. */
export function resolved(node: unknown, root: unknown, depth = 0): Json {
  if (!isObject(node) || depth > 20) return {};
  if (typeof node.$ref === 'string') {
    const target = node.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, key) => (isObject(at) ? at[decodeURIComponent(key).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), root);
    const { $ref: _ref, ...rest } = node;
    return { ...resolved(target, root, depth + 1), ...rest };
  }
  if (Array.isArray(node.allOf) && node.allOf.length > 0) {
    const { allOf, ...rest } = node;
    return Object.assign({}, ...allOf.map((part) => resolved(part, root, depth + 1)), rest);
  }
  return node;
}

/** OpenAPI 3.0's `nullable: true` written as JSON Schema (a `null` branch), everywhere in `node`. */
function jsonSchemaOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchemaOf);
  if (!isObject(node)) return node;
  const out: Json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'example' || k === 'examples' ? undefined : jsonSchemaOf(v)]));
  if (out.nullable !== true) return out;
  delete out.nullable;
  return { anyOf: [out, { type: 'null' }] };
}

const TYPE_MESSAGES: Record<string, [string, string]> = {
  string: ['Input should be a valid string', 'string_type'],
  integer: ['Input should be a valid integer', 'int_type'],
  number: ['Input should be a valid number', 'float_type'],
  boolean: ['Input should be a valid boolean', 'bool_type'],
  array: ['Input should be a valid list', 'list_type'],
  object: ['Input should be a valid dictionary', 'dict_type'],
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One ajv error as pydantic states it. */
function issueOf(e: ErrorObject, data: unknown): Issue {
  const path: (string | number)[] = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const p = e.params as Record<string, unknown>;
  const at = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], data);
  switch (e.keyword) {
    case 'required':
      return { path: [...path, String(p.missingProperty)], msg: 'Field required', type: 'missing' };
    case 'additionalProperties':
      return { path: [...path, String(p.additionalProperty)], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' };
    case 'type': {
      const [msg, type] = TYPE_MESSAGES[String(p.type).split(',')[0]] ?? [`Input should be of type ${String(p.type)}`, 'type_error'];
      return { path, msg, type };
    }
    case 'enum':
    case 'const': {
      const expected = enumText((Array.isArray(p.allowedValues) ? p.allowedValues : [p.allowedValue]) as (string | number)[]);
      return { path, msg: `Input should be ${expected}`, type: 'literal_error', ctx: { expected } };
    }
    case 'minimum':
      return { path, msg: `Input should be greater than or equal to ${String(p.limit)}`, type: 'greater_than_equal', ctx: { ge: p.limit } };
    case 'exclusiveMinimum':
      return { path, msg: `Input should be greater than ${String(p.limit)}`, type: 'greater_than', ctx: { gt: p.limit } };
    case 'maximum':
      return { path, msg: `Input should be less than or equal to ${String(p.limit)}`, type: 'less_than_equal', ctx: { le: p.limit } };
    case 'exclusiveMaximum':
      return { path, msg: `Input should be less than ${String(p.limit)}`, type: 'less_than', ctx: { lt: p.limit } };
    case 'minLength':
      return { path, msg: `String should have at least ${plural(Number(p.limit), 'character')}`, type: 'string_too_short', ctx: { min_length: p.limit } };
    case 'maxLength':
      return { path, msg: `String should have at most ${plural(Number(p.limit), 'character')}`, type: 'string_too_long', ctx: { max_length: p.limit } };
    case 'minItems':
    case 'maxItems': {
      const least = e.keyword === 'minItems';
      const items = `${plural(Number(p.limit), 'item')} after validation, not ${Array.isArray(at) ? at.length : 0}`;
      const ctx = least ? { min_length: p.limit } : { max_length: p.limit };
      return { path, msg: `List should have at ${least ? 'least' : 'most'} ${items}`, type: least ? 'too_short' : 'too_long', ctx };
    }
    default:
      return { path, msg: `Input ${e.message ?? 'is invalid'}`, type: e.keyword };
  }
}

/**
 * The errors worth naming: of an `anyOf`, the branch errors that say most (one per field), and the
 * `anyOf` line itself only when no branch error names that field.
 */
function issuesOf(errors: readonly ErrorObject[], data: unknown): Issue[] {
  const byPath = new Map<string, Issue>();
  const rank = (e: ErrorObject) => (e.keyword === 'anyOf' || e.keyword === 'oneOf' ? 2 : e.keyword === 'type' ? 1 : 0);
  for (const e of [...errors].sort((a, b) => rank(a) - rank(b))) {
    const issue = issueOf(e, data);
    const key = issue.path.join('.');
    if (!byPath.has(key)) byPath.set(key, issue);
  }
  return [...byPath.values()];
}

/** A published input schema, compiled once. */
export interface InputSchema {
  /** The names of its fields. */
  readonly fields: readonly string[];
  /** What is wrong with `input`, one issue per field ([] when valid). */
  check(input: Input): Issue[];
  /** `input` with each absent field that documents a default given it (a copy). */
  withDefaults(input: Input): Input;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, discriminator: false });
const compiled = new WeakMap<object, Map<string, ValidateFunction>>();

/** `schema` (a node of the document `root`) as an InputSchema. Throws naming `what` when ajv cannot compile it. */
export function inputSchemaOf(schema: unknown, root: unknown, what: string): InputSchema {
  const top = resolved(schema, root);
  const properties = isObject(top.properties) ? top.properties : {};
  const key = JSON.stringify(schema);
  const rootKey = isObject(root) ? root : {};
  let cache = compiled.get(rootKey);
  if (!cache) compiled.set(rootKey, (cache = new Map()));
  let validateFn = cache.get(key);
  if (!validateFn) {
    try {
      // The document's components travel with the schema, so its `#/components/...` refs resolve.
      const components = isObject(rootKey.components) ? jsonSchemaOf(rootKey.components) : undefined;
      validateFn = ajv.compile({ ...(jsonSchemaOf(schema) as Json), ...(components ? { components } : {}) });
    } catch (err) {
      throw new Error(`the input schema of ${what} does not compile: ${(err as Error).message}`);
    }
    cache.set(key, validateFn);
  }
  const check = validateFn;
  return {
    fields: Object.keys(properties),
    check(input) {
      return check(input) ? [] : issuesOf(check.errors ?? [], input);
    },
    withDefaults(input) {
      const out = { ...input };
      for (const [name, node] of Object.entries(properties)) {
        const field = resolved(node, root);
        if (out[name] === undefined && field.default !== undefined) out[name] = field.default;
      }
      return out;
    },
  };
}
