/**
 * parseDotEnv reads a file anyone can edit (or paste a key into): for any text it returns the
 * variables or throws InvalidConfigError, and each call ends within a bound, also on lines
 * made to be slow (long runs of spaces, which a backtracking comment pattern retried from each).
 */
import fc from 'fast-check';
import { BoardsError } from '@boards/core';
import { parseDotEnv } from './dotenv';

/** No call may take this much CPU time: the longest line below is 60k characters. */
const CALL_MS = 100;

/** This process's CPU time: a bound on the parser's work that a busy machine's scheduler does not move. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Characters that matter to the parser: quotes, escapes, `#`, `=`, and every kind of space and line end but `\n`. */
const tricky = fc.constantFrom(' ', '\t', '#', '=', '"', "'", '\\', 'a', 'b', '\r', '\u2028', '\u2029', '\u00a0', '\u3000', '\f', '\v');
const shortValue = fc.string({ unit: tricky, maxLength: 24 });

/** A line with a long run of spaces (or tabs) in its value, and a `#` after it or not. */
const slowLine = fc
  .record({
    n: fc.integer({ min: 20_000, max: 60_000 }),
    space: fc.constantFrom(' ', '\t', ' \t'),
    before: shortValue,
    after: fc.constantFrom('', 'y', '#', 'y #c', '\r#c', 'y\u2028z'),
    name: fc.constantFrom('V', 'export V', 'FAL_KEY'),
  })
  .map(({ n, space, before, after, name }) => `${name}=x${before}${space.repeat(Math.ceil(n / space.length))}${after}`);

const anyLine = fc.oneof(
  shortValue.map((v) => `V=${v}`),
  fc.string({ unit: tricky, maxLength: 40 }),
  slowLine,
);

function parsesInTime(text: string): void {
  const started = cpuMs();
  try {
    parseDotEnv(text, '.env');
  } catch (error) {
    if (!(BoardsError.isInstance(error) && error.code === 'INVALID_CONFIG')) throw new Error(`threw ${String(error)} instead of InvalidConfigError`);
  }
  const ms = cpuMs() - started;
  if (ms >= CALL_MS) throw new Error(`parseDotEnv took ${ms.toFixed(0)} ms of CPU on ${text.length} characters`);
}

describe('parseDotEnv on hostile text', () => {
  it('returns variables or throws InvalidConfigError within the time bound, also on long runs of spaces; comments are cut as before', () => {
    fc.assert(
      fc.property(fc.array(anyLine, { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => parsesInTime(lines.join(eol))),
      { numRuns: 150 },
    );
    // The value of an unquoted line is what the former pattern `\s+#.*$` left of it (its `.`
    // stops at \r, U+2028 and U+2029, so a comment starts after the last of those).
    fc.assert(
      fc.property(shortValue, (value) => {
        const rest = value.trim();
        fc.pre(rest[0] !== '"' && rest[0] !== "'");
        expect(parseDotEnv(`V=${value}`).V).toBe(rest.replace(/\s+#.*$/, '').trim());
      }),
      { numRuns: 2000 },
    );
  });
});
