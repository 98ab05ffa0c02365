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
