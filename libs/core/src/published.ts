/**
 * What a provider publishes about one model, as comparable facts: the inputs (types, enums,
 * defaults, limits, required), the output schema, the job statuses, the auth schemes, the
 * lifecycle and a machine-readable price. Each provider reads its own document format into
 * these (its descriptor's `published.document`); `boards drift` and the generators' unit tests
 * compare them without knowing any provider. JSON Schema helpers for those readers live here.
 */

type Json = Record<string, unknown>;

/** One input field as the published document states it. */
export interface PublishedField {
  type?: string;
  enum?: readonly unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  required: boolean;
}

/** The facts of one model's published document(s). */
export interface PublishedModel {
  inputs: Record<string, PublishedField>;
  /** The output's JSON Schema, `$ref`s resolved, reduced to its shape (type, format, properties, items, required). */
  output?: unknown;
  /** The job statuses the provider documents (a queue's status enum). */
  statuses?: readonly string[];
  /** The auth schemes, one string each (e.g. `apiKey in header Authorization`). */
  auth?: readonly string[];
  /** The model's lifecycle as published: a shutdown date (YYYY-MM-DD), or deprecated. */
  lifecycle?: { shutdownDate?: string; deprecated?: boolean };
  /** A machine-readable price, where the provider publishes one. */
  price?: unknown;
}

/** How a provider's reader fetches documents (the drift command supplies it: bounded, keys from settings). */
export interface PublishedReader {
  /**
   * The JSON, YAML or markdown page (its first fenced YAML block) at `url`, parsed. `auth` sends the
   * provider's key as a bearer token. Throws PublishedNotFoundError on 404.
   */
  get(url: string, options?: { auth?: boolean }): Promise<Json>;
  /** A source URL: the variable's value when set, else `defaultUrl` (trailing slashes dropped). */
  url(variable: string, defaultUrl: string): string;
}

/** Reads a provider's whole published document of a model into a snapshot, and a snapshot into facts. */
export interface PublishedDocumentSource {
  /** Fetches the model's published document(s), trimmed to what a snapshot keeps, and the URLs read. */
  fetch(model: string, artifactType: string, read: PublishedReader): Promise<{ document: Json; urls: string[] }>;
  /**
   * The schemas `facts` walks (input and output, with the document their `$ref`s resolve in), so a
   * caller can refuse one that refers to itself or expands without end before reading it.
   */
  schemas(document: Json, model: string): Array<{ schema: unknown; root: unknown }>;
  /** The facts of a document `fetch` returned (stored in a snapshot, or fetched now). Throws naming what is missing. */
  facts(document: Json, model: string, artifactType: string): PublishedModel;
  /** Further source settings `fetch` reads beyond the descriptor's `published.variable` (for the help). */
  moreSources?: readonly { variable: string; defaultUrl: string; what: string }[];
  /** The job statuses the adapter handles (a published status outside these is one it would not understand). */
  knownStatuses?: readonly string[];
  /** What the adapter reads of an output: problems of `output` (a PublishedModel's) for that, [] when it reads it. */
  outputProblems?(output: unknown, artifactType: string): string[];
}

/** A published document that answered 404: the model vanished (drift, not an error). */
export class PublishedNotFoundError extends Error {
  constructor(readonly url: string) {
    super(`GET ${url} answered 404: not published`);
    this.name = 'PublishedNotFoundError';
  }
}

const fields = (x: unknown): Json => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Json) : {});

/** `node` with `$ref` (into `root`) and `allOf` merged in; a cycle or a missing target resolves to {}. */
export function resolveSchema(node: unknown, root: unknown, depth = 0): Json {
  const n = fields(node);
  if (depth > 20) return {};
  if (typeof n.$ref === 'string') {
    const target = n.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, key) => fields(at)[decodeURIComponent(key).replace(/~1/g, '/').replace(/~0/g, '~')], root);
    const { $ref: _ref, ...rest } = n;
    return { ...resolveSchema(target, root, depth + 1), ...rest };
  }
  if (Array.isArray(n.allOf) && n.allOf.length > 0) {
    const { allOf, ...rest } = n;
    return Object.assign({}, ...allOf.map((part) => resolveSchema(part, root, depth + 1)), rest);
  }
  return n;
}

const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** One property's facts; `anyOf`/`oneOf` branches are merged (null means nullable, not a type). */
function fieldOf(node: unknown, root: unknown, required: boolean, depth = 0): PublishedField {
  const p = resolveSchema(node, root);
  // A schema that refers to itself through anyOf ends here, as one of no stated type.
  if (depth > 12) return { required };
  const branches = (Array.isArray(p.anyOf) ? p.anyOf : Array.isArray(p.oneOf) ? p.oneOf : []).map((b) => fieldOf(b, root, required, depth + 1));
  const parts = branches.filter((b) => b.type !== 'null');
  const pick = <K extends keyof PublishedField>(key: K): PublishedField[K] | undefined =>
    p[key] !== undefined ? (p[key] as PublishedField[K]) : parts.length === 1 ? parts[0][key] : undefined;
  const types = Array.isArray(p.type) ? p.type.filter((t) => t !== 'null') : p.type !== undefined ? [p.type] : [...new Set(parts.map((b) => b.type))];
  const anyValue = parts.length === 0 || parts.some((b) => b.enum === undefined);
  const enumValues = Array.isArray(p.enum)
    ? p.enum.filter((v) => v !== null)
    : p.const !== undefined
      ? [p.const]
      : anyValue
        ? undefined
        : parts.flatMap((b) => b.enum ?? []);
  const out: PublishedField = { required };
  if (types.length === 1 && typeof types[0] === 'string') out.type = types[0];
  if (enumValues) out.enum = [...new Set(enumValues)];
  if (p.default !== undefined) out.default = p.default;
  const minimum = num(p.minimum) ?? num(p.exclusiveMinimum) ?? num(pick('minimum'));
  const maximum = num(p.maximum) ?? num(p.exclusiveMaximum) ?? num(pick('maximum'));
  if (minimum !== undefined) out.minimum = minimum;
  if (maximum !== undefined) out.maximum = maximum;
  for (const key of ['minLength', 'maxLength', 'minItems', 'maxItems'] as const) {
    const value = num(pick(key));
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The fields of an object JSON Schema (`$ref`s resolve in `root`). */
export function publishedFields(schema: unknown, root: unknown = schema): Record<string, PublishedField> {
  const s = resolveSchema(schema, root);
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  return Object.fromEntries(Object.entries(fields(s.properties)).map(([name, node]) => [name, fieldOf(node, root, required.has(name))]));
}

/** A schema's shape, `$ref`s resolved: type, format, enum, properties, items, required and anyOf (descriptions and titles dropped). */
export function schemaShape(node: unknown, root: unknown, depth = 0): unknown {
  const s = resolveSchema(node, root);
  if (depth > 12) return {};
  const shape: Json = {};
  if (s.type !== undefined) shape.type = s.type;
  if (s.format !== undefined) shape.format = s.format;
  if (Array.isArray(s.enum)) shape.enum = s.enum;
  for (const key of ['anyOf', 'oneOf'] as const) if (Array.isArray(s[key])) shape[key] = (s[key] as unknown[]).map((b) => schemaShape(b, root, depth + 1));
  if (s.items !== undefined) shape.items = schemaShape(s.items, root, depth + 1);
  if (s.properties !== undefined)
    shape.properties = Object.fromEntries(Object.entries(fields(s.properties)).map(([k, v]) => [k, schemaShape(v, root, depth + 1)]));
  if (Array.isArray(s.required)) shape.required = [...s.required].sort();
  return shape;
}

/** Every `#/...` `$ref` reachable from `node` (through `root`), for trimming a large document to what one operation uses. */
export function referencedRefs(node: unknown, root: unknown, seen = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) referencedRefs(item, root, seen);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/') && !seen.has(value)) {
        seen.add(value);
        referencedRefs(resolveSchema({ $ref: value }, root), root, seen);
        const target = value
          .slice(2)
          .split('/')
          .reduce<unknown>((at, k) => fields(at)[k], root);
        referencedRefs(target, root, seen);
      } else referencedRefs(value, root, seen);
    }
  }
  return seen;
}

/** The auth schemes of an OpenAPI `components.securitySchemes`, one string each. */
export function authSchemes(securitySchemes: unknown): string[] {
  return Object.entries(fields(securitySchemes))
    .map(([name, s]) => {
      const f = fields(s);
      return [name + ':', f.type, f.scheme, f.in && `in ${f.in}`, f.name, f.bearerFormat].filter(Boolean).join(' ');
    })
    .sort();
}

/**
 * Where an output shape (schemaShape's) holds URLs: the paths of its string leaves named `url` or
 * formatted `uri` (what `collectUrls` reads of an answer), e.g. `images[].url`, `` (the output itself).
 */
export function urlPaths(shape: unknown, at = ''): string[] {
  const s = fields(shape);
  const here: string[] = [];
  if (s.type === 'string' && (s.format === 'uri' || /(^|\.)url$/.test(at))) here.push(at);
  for (const key of ['anyOf', 'oneOf'] as const) if (Array.isArray(s[key])) for (const b of s[key] as unknown[]) here.push(...urlPaths(b, at));
  if (s.items !== undefined) here.push(...urlPaths(s.items, `${at}[]`));
  for (const [name, node] of Object.entries(fields(s.properties))) here.push(...urlPaths(node, at ? `${at}.${name}` : name));
  return [...new Set(here)];
}
