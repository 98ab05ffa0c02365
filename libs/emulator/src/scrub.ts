/**
 * Scrubbing and provenance of recordings, shared by the emulator's proxy recorder and the
 * live-run recorder of `@boards/testing`: no credential and no signed-URL token is ever stored.
 */
import type { Recording } from './recording';

/** Query parameters that carry credentials in signed URLs. */
const SECRET_PARAM = /(token|sig|signature|secret|key|credential|expires|x-amz|auth|policy)/i;
/** Values shorter than this are not treated as secrets (they would scrub ordinary words). */
const MIN_SECRET_LENGTH = 8;
/** Response headers a recording keeps (everything else is dropped). */
export const KEPT_HEADERS: readonly string[] = ['content-type', 'x-request-id', 'x-fal-request-id', 'x-fal-billable-units', 'retry-after', 'retry-after-ms'];

/**
 * Scrubs a text for a recording: every value of `secrets` (8 characters or more), any
 * `Bearer|Token|Key <token>` and the values of credential-like query parameters in every URL.
 */
export function scrubRecordingText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH && out.includes(secret)) out = out.split(secret).join('[REDACTED]');
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
      return url;
    }
  });
}

/** The response headers a recording keeps, scrubbed. */
export function keptHeaders(headers: Record<string, string>, scrub: (text: string) => string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => KEPT_HEADERS.includes(name.toLowerCase()))
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
