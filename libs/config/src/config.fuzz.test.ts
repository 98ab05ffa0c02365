import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { BoardsError, type InvalidConfigError } from '@boards/core';
import { parseDotEnv } from './dotenv';
import { parseKeysJson } from './keys-json';
import { loadKeys } from './load-keys';
import { dirWithEnvFile, removeEnvDirs } from './test-env';
import { KEYS_JSON_VARIABLE, VARIABLE_NAME } from './variables';

afterAll(removeEnvDirs);

// The part of a stack that can hold a key is its head (name and message); the frames are code
// locations. Under jest every stack is formatted through its source-map hook, frame by frame:
// ten frames per failure were most of these properties' time. The error's own frame is kept.
let stackTraceLimit: number;
beforeAll(() => {
  stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 1;
});
afterAll(() => {
  Error.stackTraceLimit = stackTraceLimit;
});

const RUNS = { numRuns: 1000 };

/**
 * Any code point, lone surrogates included: what fc.string({ unit: 'binary' }) generates, without
 * the million-entry reverse table fast-check builds the first time it unmaps such a string (about a second).
 */
const anyCodePoints = (constraints: { maxLength?: number } = {}) =>
  fc.array(fc.integer({ min: 0, max: 0x10ffff }), constraints).map((points) => String.fromCodePoint(...points));

/** A fake key with a random core, shaped like one of the three providers' keys. */
const planted = fc
  .record({
    core: fc.string({ unit: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 16, maxLength: 24 }),
    shape: fc.constantFrom('r8_PLANTED_', 'sk-PLANTED-', 'PLANTED-fal-id:PLANTED-secret-'),
  })
  .map(({ core, shape }) => `${shape}${core}`);

/** What the caller sees of a failure: its message, setting, cause and stack. */
function everythingShown(error: BoardsError): string {
  const cause = (error as { cause?: unknown }).cause;
  return [error.message, (error as InvalidConfigError).setting, String(error.stack), cause === undefined ? '' : String(cause)].join('\n');
}

/** Calls `fn`; returns its result, or the InvalidConfigError it threw. Any other throw fails the property. */
function outcome<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: InvalidConfigError } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (BoardsError.isInstance(error) && error.code === 'INVALID_CONFIG') return { ok: false, error: error as InvalidConfigError };
    throw new Error(`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} instead of InvalidConfigError`);
  }
}

function expectNoKey(text: string, key: string): void {
  // The whole key, and its random core on its own (a message may cut or re-quote the key).
  const core = key.slice(key.lastIndexOf('-') + 1).slice(-16);
  if (text.includes(key) || text.includes(core)) throw new Error(`a planted key was shown: ${text.slice(0, 300)}`);
}

/**
 * JSON values that hold a key, as functions of the key: the arbitrary is built once and each run
 * puts its planted key in (building it per key, with chain, was half of these properties' time).
 */
type WithKey<T> = (key: string) => T;
const jsonWith: fc.Arbitrary<WithKey<unknown>> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => (key: string) => ({ A_KEY: key, other: v })),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }).map((d) => (key: string) => ({ ...d, FAL_KEY: key })),
  fc.constantFrom<WithKey<unknown>>(
    (key) => [key],
    (key) => ({ REPLICATE_API_TOKEN: { nested: key } }),
    (key) => ({ OPENAI_API_KEY: [key] }),
    (key) => ({ FAL_KEY: key, fal: key }),
    (key) => key,
    (key) => ({ BAD_NAME: null, X: key }),
  ),
);

describe('parseKeysJson (BOARDS_GENERATOR_API_KEYS) on arbitrary text', () => {
  const checkResult = (value: Record<string, string>) => {
    for (const [name, v] of Object.entries(value)) {
      expect(VARIABLE_NAME.test(name)).toBe(true);
      expect(typeof v).toBe('string');
      expect(v).not.toBe('');
    }
  };

  it('returns variables or throws InvalidConfigError naming the setting, for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          anyCodePoints(),
          fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
        ),
        (text) => {
          const result = outcome(() => parseKeysJson(text));
          if (result.ok) checkResult(result.value);
          else expect(result.error.setting.startsWith(KEYS_JSON_VARIABLE)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('never shows a planted key, in any position of valid or broken JSON', () => {
    fc.assert(
      fc.property(
        fc.tuple(planted, jsonWith, fc.integer({ min: 0, max: 3 })).map(([key, value, cut]) => [key, value(key), cut] as const),
        ([key, value, cut]) => {
          const text = JSON.stringify(value);
          // Whole, cut short, or with a stray comma: malformed JSON around the key.
          const variants = [text, text.slice(0, Math.max(1, text.length - cut)), text.replace(/}$/, ',}')];
          for (const variant of variants) {
            const result = outcome(() => parseKeysJson(variant));
            if (!result.ok) expectNoKey(everythingShown(result.error), key);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('parseDotEnv on arbitrary text', () => {
  const line = (key: string) =>
    fc.oneof(
      fc.string(),
      anyCodePoints({ maxLength: 30 }),
      fc.constantFrom(
        `FAL_KEY=${key}`,
        `export REPLICATE_API_TOKEN="${key}"`,
        `OPENAI_API_KEY='${key}' # comment`,
        key,
        `1BAD=${key}`,
        `FAL_KEY="${key}`,
        `FAL_KEY='${key}`,
        `FAL_KEY="${key}" trailing`,
        `= ${key}`,
        `export ${key}`,
        `BOARDS_GENERATOR_API_KEYS={"fal":"${key}"`,
        '',
        '# comment',
      ),
    );

  it('returns variables or throws InvalidConfigError naming "<file> line <n>", never showing a planted key', () => {
    fc.assert(
      fc.property(
        planted.chain((key) => fc.tuple(fc.constant(key), fc.array(line(key), { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'))),
        ([key, lines, eol]) => {
          const result = outcome(() => parseDotEnv(lines.join(eol), '/repo/.env'));
          if (result.ok) {
            for (const name of Object.keys(result.value)) expect(VARIABLE_NAME.test(name)).toBe(true);
            return;
          }
          expect(result.error.setting).toMatch(/^\/repo\/\.env line \d+$/);
          expectNoKey(everythingShown(result.error), key);
        },
      ),
      RUNS,
    );
  });
});

describe('loadKeys on arbitrary settings', () => {
  const dir = dirWithEnvFile('');

  it('BOARDS_GENERATOR_API_KEYS from the environment: keys or InvalidConfigError, never a planted key shown', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(
            planted,
            fc.oneof(
              jsonWith.map((value) => (key: string) => JSON.stringify(value(key))),
              fc.string().map((s) => (key: string) => `${s}${key}`),
            ),
          )
          .map(([key, text]) => [key, text(key)] as const),
        ([key, text]) => {
          const result = outcome(() => loadKeys({ env: { [KEYS_JSON_VARIABLE]: text, FAL_KEY: key }, envFile: false }));
          if (!result.ok) {
            expect(result.error.setting.startsWith(KEYS_JSON_VARIABLE)).toBe(true);
            expectNoKey(everythingShown(result.error), key);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a .env file of arbitrary text: keys or InvalidConfigError, never a planted key shown', () => {
    fc.assert(
      fc.property(planted, fc.array(fc.oneof(fc.string(), fc.constant('BOARDS_GENERATOR_API_KEYS={"fal":"')), { maxLength: 5 }), (key, lines) => {
        writeFileSync(join(dir, '.env'), [...lines, `FAL_KEY="${key}`, ...lines].join('\n'));
        const result = outcome(() => loadKeys({ env: {}, cwd: dir }));
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.setting).toMatch(/\.env line \d+$/);
          expectNoKey(everythingShown(result.error), key);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('BOARDS_ENV_FILE naming anything: keys or InvalidConfigError naming BOARDS_ENV_FILE', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), anyCodePoints(), fc.constantFrom('.', '/', '\u0000', '/dev/null', '..', 'a/../.env')), (file) => {
        const result = outcome(() => loadKeys({ env: { BOARDS_ENV_FILE: file }, cwd: dir }));
        if (!result.ok) expect(result.error.setting).toMatch(/^BOARDS_ENV_FILE$|\.env line \d+$|line \d+$/);
      }),
      RUNS,
    );
  });
});
