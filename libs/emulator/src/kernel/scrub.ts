/**
 * Scrubbing and provenance of recordings, shared by the emulator's proxy recorder and the
 * live-run recorder of `@boards/testing`: no credential and no signed-URL token is ever stored.
 */
import type { Recording } from './recording';

/** Query parameters that carry credentials in signed URLs. */
const SECRET_PARAM = /(token|sig|signature|secret|key|credential|expires|x-amz|auth|policy)/i;
/** Values shorter than this are not treated as secrets (they would scrub ordinary words). */
const MIN_SECRET_LENGTH = 8;
/** Response headers a recording keeps of any provider (each provider's module adds its own; everything else is dropped). */
export const GENERIC_KEPT_HEADERS: readonly string[] = ['content-type', 'x-request-id', 'retry-after', 'retry-after-ms'];

/** What stands where a secret (or a run of one) stood. */
const REDACTED = '[REDACTED]';

const startIndex = (text: string, at: number) => ((text.charCodeAt(at) & 0xff) << 8) | (text.charCodeAt(at + 1) & 0xff);

/**
 * The secrets of a recording, as every run of MIN_SECRET_LENGTH characters of each: an upstream
 * that echoes a key's tail (in `x-request-id`, in an error) leaks it as surely as the whole key,
 * so no such run may be written. Grows as a session's requests bring more credentials.
 */
export class SecretFragments {
  private readonly secrets = new Set<string>();
  private readonly windows = new Set<string>();
  /** The same windows as UTF-8 bytes read as latin1, for binary media. */
  private readonly byteWindows = new Set<string>();
  /** Flags by the low bytes of a window's first two characters: most positions of a text fail here. */
  private readonly starts = new Uint8Array(65536);
  private readonly byteStarts = new Uint8Array(65536);

  constructor(secrets: Iterable<string> = []) {
    this.addAll(secrets);
  }

  get size(): number {
    return this.secrets.size;
  }

  /** Adds secrets (shorter ones are ignored: they would scrub ordinary words); true when one was new. */
  addAll(secrets: Iterable<string>): boolean {
    let grew = false;
    for (const secret of secrets) {
      if (secret.length < MIN_SECRET_LENGTH || this.secrets.has(secret)) continue;
      this.secrets.add(secret);
      grew = true;
      const bytes = Buffer.from(secret, 'utf8').toString('latin1');
      for (const [from, windows, starts] of [
        [secret, this.windows, this.starts],
        [bytes, this.byteWindows, this.byteStarts],
      ] as const) {
        for (let i = 0; i + MIN_SECRET_LENGTH <= from.length; i++) {
          const window = from.slice(i, i + MIN_SECRET_LENGTH);
          windows.add(window);
          starts[startIndex(window, 0)] = 1;
        }
      }
    }
    return grew;
  }

  /** Replaces each run of characters covered by windows of the secrets with one '[REDACTED]'. */
  scrub(text: string): string {
    const runs = this.runs(text, this.windows, this.starts);
    if (runs.length === 0) return text;
    let out = '';
    let copied = 0;
    for (const [start, end] of runs) {
      out += text.slice(copied, start) + REDACTED;
      copied = end;
    }
    return out + text.slice(copied);
  }

  /** True when the bytes hold a run of MIN_SECRET_LENGTH bytes of a secret's UTF-8 form. */
  foundIn(bytes: Buffer): boolean {
    return this.runs(bytes.toString('latin1'), this.byteWindows, this.byteStarts, true).length > 0;
  }

  /** The covered runs, [start, end) each, in one pass with a Set lookup only where a window can start. */
  private runs(text: string, windows: Set<string>, starts: Uint8Array, first = false): Array<[number, number]> {
    const runs: Array<[number, number]> = [];
    if (windows.size === 0) return runs;
    for (let i = 0; i + MIN_SECRET_LENGTH <= text.length; i++) {
      if (starts[startIndex(text, i)] === 0 || !windows.has(text.slice(i, i + MIN_SECRET_LENGTH))) continue;
      const last = runs[runs.length - 1];
      if (last && i <= last[1]) last[1] = i + MIN_SECRET_LENGTH;
      else runs.push([i, i + MIN_SECRET_LENGTH]);
      if (first) break;
    }
    return runs;
  }
}

/**
 * Scrubs a text for a recording: every run of 8 characters or more of a value of `secrets`, any
 * `Bearer|Token|Key <token>` and the values of credential-like query parameters in every URL.
 */
export function scrubRecordingText(text: string, secrets: readonly string[] | SecretFragments = []): string {
  const fragments = secrets instanceof SecretFragments ? secrets : new SecretFragments(secrets);
  // Runs of secrets first: a URL re-serialized below may percent-encode a key's characters out of reach.
  let out = fragments.scrub(text);
  out = out.replace(/\b(Bearer|Token|Key)\s+[A-Za-z0-9_\-.:]{12,}/g, '$1 [REDACTED]');
  return out.replace(/https?:\/\/[^\s"'<>\\]+/g, (url) => {
    try {
      const parsed = new URL(url);
      let changed = false;
      for (const name of [...parsed.searchParams.keys()]) {
        if (SECRET_PARAM.test(name)) {
          parsed.searchParams.set(name, '[SCRUBBED]');
          changed = true;
        }
      }
      return changed ? parsed.toString() : url;
    } catch {
      // Not a URL any more (a scrubbed run in its host, say): its credential parameters go all the same.
      return url.replace(/([?&])([^=&#]*)=([^&#]*)/g, (param, sep: string, name: string) => (SECRET_PARAM.test(name) ? `${sep}${name}=%5BSCRUBBED%5D` : param));
    }
  });
}

/** `value` with every string in it (object keys too) passed through `scrub`: JSON is scrubbed as values, never as text. */
export function scrubStrings<T>(value: T, scrub: (text: string) => string): T {
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value)) return value.map((item) => scrubStrings(item, scrub)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [scrub(key), scrubStrings(field, scrub)])) as T;
  }
  return value;
}

/** The response headers a recording keeps, scrubbed. */
export function keptHeaders(
  headers: Record<string, string>,
  scrub: (text: string) => string,
  kept: readonly string[] = GENERIC_KEPT_HEADERS,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => kept.includes(name.toLowerCase()))
      .map(([name, value]) => [name.toLowerCase(), scrub(value)]),
  );
}

/**
 * The response header the emulator sets on every answer it gives itself, and never on one it
 * forwards from an upstream (the same name as @boards/core's EMULATOR_HEADER: this package
 * imports nothing of the repository).
 */
export const EMULATOR_HEADER = 'x-boards-emulator';

/**
 * Where the requests of a recording really went, from the answers' headers: 'emulator' only when
 * every answer came from the emulator itself. A host name proves nothing: a gateway or a
 * record-through proxy on any host (loopback too) forwards to a billing provider.
 */
export function provenanceOf(answers: ReadonlyArray<Readonly<Record<string, string>>>): Recording['provenance']['mode'] {
  return answers.every((headers) => Object.keys(headers).some((name) => name.toLowerCase() === EMULATOR_HEADER)) ? 'emulator' : 'live';
}
