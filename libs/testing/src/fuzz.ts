/**
 * Property-based bad-input fuzzing for one generator (fast-check): thousands of inputs
 * (arbitrary values, and mutations of a valid input: wrong types, out-of-range and
 * non-finite numbers, huge strings, unknown keys, missing fields, nested junk). For each,
 * either `parseInput` accepts it, or it is an InputValidationError naming fields that exist
 * (a schema path, or a key the input really has), `generate()` refuses it the same way, and
 * the emulator receives nothing. Accepted inputs are never generated (that is what the
 * conformance suite does), so a thousand runs take about a second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { BoardsError, effectiveLifecycleStatus, type AnyGenerator, type InputValidationError } from '@boards/core';
import type { Emulator } from '@boards/emulator';
import { settingsFor } from './emulator-env';
import { createTestContext } from './test-context';

export interface FuzzInputOptions {
  /** The emulator the generations are pointed at (through their context's settings): a refused input must leave its request log unchanged. */
  emulator: Emulator;
  /** How many inputs to try. Default 1000. */
  runs?: number;
  /** fast-check seed, to replay a failure (the failure message prints it). Default: random. */
  seed?: number;
  /** fast-check replay path, printed with the seed by a failure: replays just the counterexample. */
  path?: string;
  /** The valid input to mutate. Default: the generator's cheapestInput. */
  validInput?: Record<string, unknown>;
}

export interface FuzzReport {
  generatorId: string;
  seed: number;
  runs: number;
  accepted: number;
  rejected: number;
  /** How often each field was named by a refusal. */
  fields: Record<string, number>;
}

type Path = Array<string | number>;
type Mutation =
  { op: 'none' } | { op: 'set'; path: Path; value: unknown } | { op: 'delete'; path: Path } | { op: 'add'; at: Path; key: string; value: unknown };

interface ZodLike {
  _zod?: { def?: Record<string, unknown> & { type?: string } };
}

const WRAPPERS = ['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch', 'success'];

/** Every field path the schema knows, `*` standing for an array index or record key ("images.*.url"). */
export function schemaFieldPatterns(schema: unknown): string[] {
  const out = new Set<string>();
  const walk = (node: unknown, prefix: string, depth: number): void => {
    const def = (node as ZodLike)?._zod?.def;
    if (!def || depth > 12) return;
    const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
    const type = def.type ?? '';
    if (type === 'object') {
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        out.add(at(key));
        walk(child, at(key), depth + 1);
      }
      if (def.catchall && (def.catchall as ZodLike)._zod?.def?.type !== 'never') out.add(at('*'));
    } else if (WRAPPERS.includes(type)) walk(def.innerType, prefix, depth + 1);
    else if (type === 'pipe') [def.in, def.out].forEach((s) => walk(s, prefix, depth + 1));
    else if (type === 'union') (def.options as unknown[]).forEach((s) => walk(s, prefix, depth + 1));
    else if (type === 'intersection') [def.left, def.right].forEach((s) => walk(s, prefix, depth + 1));
    else if (type === 'lazy') walk((def.getter as () => unknown)(), prefix, depth + 1);
    else if (type === 'array' || type === 'record' || type === 'tuple') {
      out.add(at('*'));
      const children = type === 'tuple' ? [...(def.items as unknown[]), def.rest] : [type === 'array' ? def.element : def.valueType];
      children.forEach((s) => walk(s, at('*'), depth + 1));
    }
  };
  walk(schema, '', 0);
  return [...out];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));

/** Every own key path the value really has, dotted ("a", "a.0", "a.0.b"): where unknown keys can be. */
function valuePaths(value: unknown, prefix = '', out = new Set<string>(), depth = 0): Set<string> {
  // Any object: zod reads a boxed String or a typed array as an object whose indices are keys.
  if (depth > 8 || out.size > 5000 || typeof value !== 'object' || value === null) return out;
  for (const key of Object.keys(value).slice(0, 1000)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.add(path);
    valuePaths((value as Record<string, unknown>)[key], path, out, depth + 1);
  }
  return out;
}

const matchesPattern = (field: string, pattern: string) => {
  const f = field.split('.');
  const p = pattern.split('.');
  return f.length === p.length && p.every((seg, i) => seg === '*' || seg === f[i]);
};

/** Values that are wrong for most fields: wrong types, edge numbers, huge and odd strings, nested junk. */
function junk(): fc.Arbitrary<unknown> {
  const nest = (depth: number, kind: 'array' | 'object') => {
    let v: unknown = 'bottom';
    for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { v };
    return v;
  };
  return fc.oneof(
    fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
    fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })),
    fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 0.5, 1e21, -1e21, 2 ** 31, 2 ** 53 + 2, Number.MIN_VALUE, Number.MAX_VALUE),
    fc.oneof(fc.double(), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.bigInt()),
    fc
      .record({ n: fc.integer({ min: 10_001, max: 300_000 }), unit: fc.constantFrom('x', 'é', '🍌', '\u0000', ' ', '\uD800', '%') })
      .map(({ n, unit }) => unit.repeat(Math.ceil(n / unit.length))),
    // Any code point, lone surrogates included (as fc.string({ unit: 'binary' }), without the
    // million-entry reverse table fast-check builds the first time it unmaps such a string).
    fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 40 }).map((points) => String.fromCodePoint(...points)),
    fc.constantFrom(
      '',
      ' ',
      '\n',
      'null',
      'NaN',
      '1e999',
      '__proto__',
      '<script>',
      '../../../etc/passwd',
      'data:',
      'data:,',
      'file:///nonexistent/x',
      'http://127.0.0.1:1/x',
      '%s%n',
      '\uFFFF',
    ),
    fc
      .record({ depth: fc.integer({ min: 1, max: 2000 }), kind: fc.constantFrom('array' as const, 'object' as const) })
      .map(({ depth, kind }) => nest(depth, kind)),
    fc.anything({
      maxDepth: 3,
      withNullPrototype: true,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withBoxedValues: true,
    }),
  );
}

const keyArb = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'a.b', '', ' ', 'PROMPT', 'prompt ', '0'));

function targets(valid: Record<string, unknown>, patterns: string[]): Path[] {
  const fromSchema = patterns.map((p) => p.split('.').map((s) => (s === '*' ? 0 : s)));
  const fromValue = [...valuePaths(valid)].map((p) => p.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
  const seen = new Set<string>();
  return [...fromSchema, ...fromValue].filter((p) => !seen.has(p.join('.')) && seen.add(p.join('.')));
}

function setOwn(target: object, key: string | number, value: unknown): void {
  // defineProperty, so "__proto__" becomes an own key (as JSON.parse makes it), not a prototype swap.
  // Reflect: a typed array, a boxed String or a frozen value that refuses the key is left as it is
  // (Object.defineProperty would throw "Invalid typed array index" and crash the harness).
  // A typed array also converts the value to a number, which throws for an object without a
  // primitive value ("Cannot convert object to primitive value"): that target keeps its element.
  try {
    Reflect.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } catch (error) {
    if (!ArrayBuffer.isView(target)) throw error;
  }
}

function apply(valid: Record<string, unknown>, mutations: Mutation[]): unknown {
  const input = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
  const parentOf = (path: Path): Record<string | number, unknown> | undefined => {
    let node: unknown = input;
    for (const seg of path.slice(0, -1)) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[seg] : undefined;
    return typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>) : undefined;
  };
  for (const m of mutations) {
    if (m.op === 'set') {
      const parent = parentOf(m.path);
      if (parent) setOwn(parent, m.path[m.path.length - 1], m.value);
    } else if (m.op === 'delete') {
      // Reflect: `delete` throws on a typed array's or a boxed String's indices ("Cannot delete property '0'").
      const parent = parentOf(m.path);
      if (parent) Reflect.deleteProperty(parent, m.path[m.path.length - 1]);
    } else if (m.op === 'add') {
      const holder = m.at.length ? parentOf([...m.at, '']) : input;
      if (typeof holder === 'object' && holder !== null) setOwn(holder, m.key, m.value);
    }
  }
  return input;
}

/** Bad and odd inputs for a generator: mostly mutations of a valid input, some arbitrary values. */
export function fuzzedInputs(valid: Record<string, unknown>, schema: unknown): fc.Arbitrary<unknown> {
  const paths = targets(valid, schemaFieldPatterns(schema));
  const containers = [[], ...paths.filter((p) => typeof p[p.length - 1] === 'string')];
  const path = fc.constantFrom(...(paths.length ? paths : [['input']]));
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 1, arbitrary: fc.constant({ op: 'none' as const }) },
    { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), path, value: junk() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), path }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('add' as const), at: fc.constantFrom(...containers), key: keyArb, value: junk() }) },
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => apply(valid, ms)) },
    { weight: 1, arbitrary: junk() },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, '', 0, [], {}, [valid], JSON.stringify(valid), new Date(NaN)) },
  );
}

const describeValue = (v: unknown) => {
  try {
    const text = fc.stringify(v);
    return text.length > 400 ? `${text.slice(0, 400)}... (${text.length} chars)` : text;
  } catch {
    return String(v);
  }
};
const describeError = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message.slice(0, 300)}` : String(e));

function fail(message: string): never {
  throw new Error(message);
}

function asValidationError(error: unknown, what: string): InputValidationError {
  if (BoardsError.isInstance(error) && error.code === 'INVALID_INPUT') return error as InputValidationError;
  return fail(`${what} threw ${describeError(error)} instead of an InputValidationError`);
}

/**
 * Runs the property for `generator` and resolves with what it saw, or rejects with the
 * (shrunk) counterexample, the broken rule and the seed to replay it.
 */
export async function fuzzGeneratorInput(generator: AnyGenerator, options: FuzzInputOptions): Promise<FuzzReport> {
  const { emulator } = options;
  const valid = (options.validInput ?? generator.cheapestInput) as Record<string, unknown>;
  const patterns = schemaFieldPatterns(generator.inputSchema);
  const retired = effectiveLifecycleStatus(generator.lifecycle) === 'retired';
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const report: FuzzReport = { generatorId: generator.id, seed, runs: options.runs ?? 1000, accepted: 0, rejected: 0, fields: {} };
  // Printed before the first run: whatever breaks later (the harness included) can be replayed.
  process.stdout.write(
    `[fuzz] ${generator.id}: ${report.runs} runs, seed ${seed} (replay: fuzzGeneratorInput(generator, { emulator, runs: ${report.runs}, seed: ${seed} }))\n`,
  );
  const storageRoot = mkdtempSync(join(tmpdir(), 'boards-fuzz-'));
  const ctx = createTestContext({ generatorId: generator.id, storageRoot, settings: settingsFor(emulator) });
  const requestsAtStart = emulator.requests.length;

  const property = fc.asyncProperty(fuzzedInputs(valid, generator.inputSchema), async (input) => {
    let refused: InputValidationError | undefined;
    try {
      generator.parseInput(input);
    } catch (error) {
      refused = asValidationError(error, 'parseInput');
    }
    if (!refused) {
      report.accepted++;
      const estimate = generator.estimateCost(input);
      if (estimate.known && !(Number.isSafeInteger(estimate.micros) && estimate.micros >= 0))
        fail(`estimateCost gave ${estimate.micros} micro-dollars for an accepted input`);
      return;
    }
    report.rejected++;
    const fields = refused.fields;
    if (fields.length === 0) fail('the InputValidationError names no field');
    const present = valuePaths(input);
    for (const field of fields) {
      report.fields[field] = (report.fields[field] ?? 0) + 1;
      const known = patterns.some((p) => matchesPattern(field, p));
      const rootOfNonObject = field === '' && !isPlainObject(input);
      if (!known && !present.has(field) && !rootOfNonObject)
        fail(`the error names "${field}", which is neither a field of the schema nor a key of the input (fields: ${JSON.stringify(fields)})`);
      if (known && !refused.message.includes(field)) fail(`the message does not name "${field}": ${refused.message.slice(0, 300)}`);
    }
    if (
      JSON.stringify(
        asValidationError(
          catchSync(() => generator.estimateCost(input)),
          'estimateCost',
        ).fields,
      ) !== JSON.stringify(fields)
    ) {
      fail('estimateCost names other fields than parseInput');
    }
    const before = emulator.requests.length;
    const outcome = await generator.generate(input, ctx).then(
      () => 'resolved',
      (e: unknown) => e,
    );
    if (outcome === 'resolved') fail('generate() resolved for an input parseInput refused');
    if (retired) {
      if (!BoardsError.isInstance(outcome) || outcome.code !== 'MODEL_RETIRED') fail(`generate() of a retired model threw ${describeError(outcome)}`);
    } else if (JSON.stringify(asValidationError(outcome, 'generate()').fields) !== JSON.stringify(fields)) {
      fail('generate() names other fields than parseInput');
    }
    if (emulator.requests.length !== before) fail(`the emulator received ${emulator.requests.length - before} request(s) for a refused input`);
    if (ctx.providerJobs.length || ctx.progressEvents.length) fail('a refused input started a provider job or reported progress');
  });

  // Every refused input throws three errors (parseInput, estimateCost, generate): capturing ten
  // stack frames for each was a third of a run, and a failure here reports messages, not stacks.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 1;
  try {
    const details = await fc.check(property, { numRuns: report.runs, seed, path: options.path, timeout: 5000 }).finally(() => {
      Error.stackTraceLimit = stackTraceLimit;
    });
    if (details.failed) {
      const why = details.errorInstance ? describeError(details.errorInstance) : details.interrupted ? 'a run timed out' : 'failed';
      fail(
        `${generator.id}: fuzzed input broke the input contract after ${details.numRuns} run(s): ${why}\n` +
          `  counterexample: ${describeValue(details.counterexample?.[0])}\n` +
          `  replay: fuzzGeneratorInput(generator, { emulator, seed: ${details.seed}, path: '${details.counterexamplePath}' })`,
      );
    }
    // A request a refused input set off late would still show up here.
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (emulator.requests.length !== requestsAtStart) fail(`${generator.id}: the emulator received requests during input fuzzing`);
    return report;
  } finally {
    rmSync(storageRoot, { recursive: true, force: true });
  }
}

function catchSync(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return fail('estimateCost accepted an input parseInput refused');
}
