/**
 * Process-wide set of secret values (API keys) that must never be printed.
 * The config layer registers every key it loads; errors and loggers pass text
 * through `redactSecrets` before it leaves the process.
 */
const secrets = new Set<string>();

/** Values shorter than this are not treated as secrets (they would redact ordinary words). */
const MIN_SECRET_LENGTH = 8;

export function registerSecret(value: string | undefined): void {
  if (value && value.length >= MIN_SECRET_LENGTH) secrets.add(value);
}

export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join('[REDACTED]');
  }
  // Authorization headers that slip into messages (e.g. from a provider echo).
  return out.replace(/\b(Bearer|Token|Key)\s+[A-Za-z0-9_\-.:]{12,}/g, '$1 [REDACTED]');
}

/** A key value, not a whole JSON document of keys: its fragments are as secret as it is. */
const TOKEN_LIKE = /^[\x21-\x7e]+$/;

/**
 * For text that came from a provider (an error body, a request id, a job id): registered
 * secrets, and any run of 8 or more characters of one of them, are redacted. A provider that
 * echoes part of a key (in `x-request-id`, say) must not get it printed, logged or stored.
 */
export function redactProviderText(text: string): string {
  let out = redactSecrets(text);
  for (const secret of secrets) if (TOKEN_LIKE.test(secret) && !secret.startsWith('{')) out = redactFragments(out, secret);
  return out;
}

/**
 * Replaces every run of MIN_SECRET_LENGTH or more characters that is also a substring of
 * `secret`: a provider that echoes part of a key (in a request id, say) leaks it all the same.
 */
function redactFragments(text: string, secret: string): string {
  if (text.length < MIN_SECRET_LENGTH) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    let end = i;
    if (i + MIN_SECRET_LENGTH <= text.length && secret.includes(text.slice(i, i + MIN_SECRET_LENGTH))) {
      end = i + MIN_SECRET_LENGTH;
      while (end < text.length && secret.includes(text.slice(i, end + 1))) end += 1;
    }
    if (end > i) {
      out += '[REDACTED]';
      i = end;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}
