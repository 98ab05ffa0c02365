import { InvalidConfigError } from '@boards/core';
import { VARIABLE_NAME } from './variables';

/** Variables whose values end up in HTTP headers or URLs. */
const HEADER_BOUND = /KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL|_URL$/i;

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * Parses .env text: `KEY=VALUE` lines, an optional `export ` prefix, `#` comments
 * (whole-line, or after whitespace in an unquoted value), single quotes (literal),
 * double quotes (with `\n`, `\r`, `\t`, `\"`, `\\` escapes) and blank lines. A later
 * line overrides an earlier one. Values span one line.
 *
 * An invalid line is an InvalidConfigError naming `<source> line <n>`; the message never
 * repeats the line's text, because a malformed line is often a pasted key.
 */
export function parseDotEnv(text: string, source = '.env'): Record<string, string> {
  const values: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fail = (problem: string): never => {
      throw new InvalidConfigError(`${source} line ${index + 1}`, problem);
    };
    const body = line.replace(/^export\s+/, '');
    const eq = body.indexOf('=');
    if (eq < 0) fail('expected KEY=VALUE');
    const name = body.slice(0, eq).trim();
    if (!VARIABLE_NAME.test(name)) fail('expected KEY=VALUE with a variable name of letters, digits and _');
    const value = parseValue(body.slice(eq + 1).trim(), (problem) => fail(`${name}: ${problem}`));
    // A key or URL with a line break would reach an HTTP header (and fail far from here).
    if (HEADER_BOUND.test(name) && /[\x00-\x1f\x7f]/.test(value)) fail(`${name}: the value holds a line break or control character (a key or URL never does)`);
    values[name] = value;
  });
  return values;
}

function parseValue(rest: string, fail: (problem: string) => never): string {
  const quote = rest[0];
  if (quote !== '"' && quote !== "'") {
    // `KEY=abc#def` keeps the hash; only ` #` starts a comment, as in dotenv and shells.
    return withoutComment(rest).trim();
  }
  let value = '';
  for (let i = 1; i < rest.length; i++) {
    const ch = rest[i];
    if (ch === quote) {
      const after = rest.slice(i + 1).trim();
      if (after !== '' && !after.startsWith('#')) fail('unexpected text after the closing quote');
      return value;
    }
    if (quote === '"' && ch === '\\' && i + 1 < rest.length) {
      const next = rest[++i];
      value += ESCAPES[next] ?? `\\${next}`;
    } else {
      value += ch;
    }
  }
  return fail(`unterminated ${quote === '"' ? 'double' : 'single'}-quoted value`);
}

/** A character `\s` matches. */
const SPACE = /\s/;

/**
 * `rest` without its trailing comment: what `rest.replace(/\s+#.*$/, '')` gives, in linear time.
 * That expression retries its `\s+` from every space of a long run that no `#` follows, which
 * is quadratic: one line of 100k spaces took 8 s. Its `.` stops at \r, U+2028 and U+2029, so
 * a comment starts after the last of those (which the spaces before its `#` may include).
 */
function withoutComment(rest: string): string {
  const terminator = Math.max(rest.lastIndexOf('\r'), rest.lastIndexOf('\u2028'), rest.lastIndexOf('\u2029'));
  // A `#` at 0 has no space before it: the search starts at 1.
  for (let hash = rest.indexOf('#', Math.max(terminator + 1, 1)); hash !== -1; hash = rest.indexOf('#', hash + 1)) {
    if (!SPACE.test(rest[hash - 1])) continue;
    let start = hash - 1;
    while (start > 0 && SPACE.test(rest[start - 1])) start--;
    return rest.slice(0, start);
  }
  return rest;
}
