/**
 * Is a published schema one the drift comparison can read? It resolves `$ref`, `allOf`,
 * `anyOf` and `oneOf` by recursion (libs/testing drift.ts): a schema that refers to itself
 * through them (`Input: {$ref: Input}`, `P: {anyOf: [{$ref: P}, {type: string}]}`) would
 * overflow the stack or read as empty (every field then "drifts"), and a chain of shared
 * `anyOf`s can expand exponentially. Such a schema is the provider's fault, not drift: it is
 * reported as unreadable, naming the `$ref` at fault, before the comparison runs.
 */

type Json = Record<string, unknown>;

/** The comparison stops resolving $refs 20 levels deep (and reads the rest as empty): deeper is unreadable. */
export const MAX_SCHEMA_DEPTH = 20;
/** How many schemas the comparison may visit for one input (a real one: a few hundred). */
export const MAX_SCHEMA_EXPANSIONS = 100_000;

export class UnreadableSchemaError extends Error {
  constructor(problem: string) {
    super(`the published schema is unreadable: ${problem}`);
    this.name = 'UnreadableSchemaError';
  }
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/** The target of a local `$ref`, resolved as the comparison resolves it (`#/a/b`, each segment URI-decoded). */
function target(ref: string, root: Json): unknown {
  let at: unknown = root;
  for (const raw of ref.replace(/^#\//, '').split('/')) {
    let key: string;
    try {
      key = decodeURIComponent(raw);
    } catch {
      throw new UnreadableSchemaError(`$ref ${ref} is not a valid reference`);
    }
    at = isObject(at) && Object.hasOwn(at, key) ? at[key] : undefined;
  }
  return at;
}

/** The schemas one schema is made of, with the `$ref` that leads to each (undefined for an inline part). */
function parts(node: Json, root: Json): Array<[unknown, string | undefined]> {
  const out: Array<[unknown, string | undefined]> = [];
  if (typeof node.$ref === 'string') out.push([target(node.$ref, root), node.$ref]);
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[key];
    if (Array.isArray(list)) for (const part of list) out.push([part, undefined]);
  }
  return out;
}

/**
 * Throws UnreadableSchemaError when `schema` (an object schema whose `$ref`s point into `root`)
 * or one of its properties refers to itself, nests deeper than MAX_SCHEMA_DEPTH, or expands to
 * more than MAX_SCHEMA_EXPANSIONS schemas. Linear in the size of the document: each schema is
 * walked once, however often it is referred to.
 */
export function checkSchemaGraph(schema: unknown, root: Json = schema as Json): void {
  const path: Array<{ node: Json; ref: string | undefined }> = [];
  const expansions = new Map<Json, number>();

  const visit = (node: unknown, ref: string | undefined): number => {
    if (!isObject(node)) return 0;
    const known = expansions.get(node);
    if (known !== undefined) return known;
    const loop = path.findIndex((p) => p.node === node);
    if (loop >= 0) {
      const through = path.slice(loop + 1).flatMap((p) => (p.ref ? [p.ref] : []));
      if (!ref) throw new UnreadableSchemaError('a schema contains itself');
      throw new UnreadableSchemaError(`$ref ${ref} refers to itself${through.length ? ` (through ${through.map((r) => `$ref ${r}`).join(', ')})` : ''}`);
    }
    if (path.length >= MAX_SCHEMA_DEPTH) {
      throw new UnreadableSchemaError(`its $ref/allOf/anyOf/oneOf nest deeper than ${MAX_SCHEMA_DEPTH} levels${ref ? ` (at $ref ${ref})` : ''}`);
    }
    path.push({ node, ref });
    let count = 1;
    for (const [part, partRef] of parts(node, root)) count += visit(part, partRef);
    path.pop();
    if (count > MAX_SCHEMA_EXPANSIONS) throw new UnreadableSchemaError(`it expands to more than ${MAX_SCHEMA_EXPANSIONS} schemas through shared $refs`);
    expansions.set(node, count);
    return count;
  };

  let total = visit(schema, undefined);
  // The fields: the properties of the schema and of everything it is made of.
  const seen = new Set<Json>();
  const pending: unknown[] = [schema];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!isObject(node) || seen.has(node)) continue;
    seen.add(node);
    for (const [part] of parts(node, root)) pending.push(part);
    if (isObject(node.properties)) for (const property of Object.values(node.properties)) total += visit(property, undefined);
    if (total > MAX_SCHEMA_EXPANSIONS) throw new UnreadableSchemaError(`it expands to more than ${MAX_SCHEMA_EXPANSIONS} schemas through shared $refs`);
  }
}
