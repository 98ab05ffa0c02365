/**
 * Process-wide set of secret values (API keys) that must never be printed.
 * The config layer registers every key it loads; errors and loggers pass text
 * through `redactSecrets` before it leaves the process.
 */
const secrets = new Set<string>();

/**
 * Values shorter than this are not treated as secrets (they would redact ordinary words), and
 * no run of this many characters of a secret may be printed: a tail of 8 characters narrows a
 * key down as well as the key itself once the prefix is known (`sk-proj-`, `r8_`).
 */
const MIN_SECRET_LENGTH = 8;
const REDACTED = '[REDACTED]';

/** The windows of every registered secret, added to as each secret is registered (a process that loads many keys does not rebuild them all for each). */
let fragments: Fragments | undefined;

export function registerSecret(value: string | undefined): void {
  if (!value || value.length < MIN_SECRET_LENGTH || secrets.has(value)) return;
  secrets.add(value);
  fragments = addFragments(fragments, value);
}

/**
 * Removes every registered secret, and every run of 8 or more characters of one, from `text`:
 * a key that holds a space or a shell character gets split or quoted on its way into a message
 * (a CLI echoing an argument, a provider echoing its tail in a request id), and the tail alone
 * must not be printed either. Bearer/Token/Key authorization values are removed as well.
 */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  out = redactFragments(out, fragments);
  // Authorization headers that slip into messages (e.g. from a provider echo).
  return out.replace(/\b(Bearer|Token|Key)\s+[A-Za-z0-9_\-.:]{12,}/g, '$1 [REDACTED]');
}

/**
 * For text that came from a provider (an error body, a request id, a job id). Kept for its
 * callers: `redactSecrets` removes fragments of 8 or more characters from every text now.
 */
export function redactProviderText(text: string): string {
  return redactSecrets(text);
}

/** Every window of MIN_SECRET_LENGTH characters of the registered secrets, with a cheap first test. */
interface Fragments {
  windows: Set<string>;
  /** Flags by the low bytes of a window's first two characters: most positions of a text fail here. */
  starts: Uint8Array;
}

const startIndex = (text: string, at: number) => ((text.charCodeAt(at) & 0xff) << 8) | (text.charCodeAt(at + 1) & 0xff);

function addFragments(known: Fragments | undefined, value: string): Fragments | undefined {
  let found = known;
  for (const source of fragmentSources(value)) {
    for (let i = 0; i + MIN_SECRET_LENGTH <= source.length; i++) {
      found ??= { windows: new Set(), starts: new Uint8Array(65536) };
      const window = source.slice(i, i + MIN_SECRET_LENGTH);
      found.windows.add(window);
      found.starts[startIndex(window, 0)] = 1;
    }
  }
  return found;
}

/**
 * The strings whose fragments are secret. A registered JSON document of keys
 * (BOARDS_GENERATOR_API_KEYS) is redacted whole, but its fragments are those of its values only:
 * the variable names in it ("REPLICATE_API_TOKEN") must stay readable in "Missing ..." messages.
 */
function fragmentSources(value: string): string[] {
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return [value];
  try {
    const strings: string[] = [];
    const walk = (node: unknown): void => {
      if (typeof node === 'string') strings.push(node);
      else if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') Object.values(node).forEach(walk);
    };
    walk(JSON.parse(trimmed));
    return strings;
  } catch {
    // A document that does not parse: what stands after each colon (quoted or not) is a value.
    return [...trimmed.matchAll(/:\s*(?:"([^"]*)"?|([^,}\]\s]+))/g)].map((m) => m[1] ?? m[2] ?? '');
  }
}

/**
 * Replaces each run of characters covered by windows of the secrets with one REDACTED: one
 * pass over the text with a Set lookup at the few positions whose first two characters can
 * start a window, so long texts stay cheap.
 */
function redactFragments(text: string, found: Fragments | undefined): string {
  if (!found || text.length < MIN_SECRET_LENGTH) return text;
  let out = '';
  let copied = 0;
  let runStart = -1;
  let runEnd = -1;
  for (let i = 0; i + MIN_SECRET_LENGTH <= text.length; i++) {
    if (found.starts[startIndex(text, i)] === 0 || !found.windows.has(text.slice(i, i + MIN_SECRET_LENGTH))) continue;
    if (runStart >= 0 && i <= runEnd) {
      runEnd = i + MIN_SECRET_LENGTH;
      continue;
    }
    if (runStart >= 0) {
      out += text.slice(copied, runStart) + REDACTED;
      copied = runEnd;
    }
    runStart = i;
    runEnd = i + MIN_SECRET_LENGTH;
  }
  if (runStart < 0) return text;
  return out + text.slice(copied, runStart) + REDACTED + text.slice(runEnd);
}
