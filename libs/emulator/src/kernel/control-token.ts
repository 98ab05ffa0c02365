import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * Who may use the control API. It changes what every client of the emulator gets (faults, job
 * times, models) and shows every request it received, without credentials of its own: on
 * loopback only this machine can reach it, on any other interface a token is required.
 */

/** True for a host only this machine can reach: localhost, 127.0.0.0/8, ::1 (and ::ffff:127.x). */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^(0*:)*:?0*1$/.test(bare) || /^::ffff:127\./.test(bare);
  return false;
}

/** A token for the control API when none is given: 32 random bytes, URL-safe. */
export function randomControlToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Shortest control token accepted: a guessable one would protect nothing. */
export const MIN_CONTROL_TOKEN_LENGTH = 16;

/** Why `token` cannot be a control token, or undefined when it can. */
export function controlTokenProblem(token: string): string | undefined {
  if (token.length < MIN_CONTROL_TOKEN_LENGTH) return `must be at least ${MIN_CONTROL_TOKEN_LENGTH} characters`;
  if (!/^[\x21-\x7e]+$/.test(token)) return 'must be printable ASCII without spaces (it travels in an Authorization header)';
  return undefined;
}

/** True when the Authorization header is `Bearer <token>`, compared in constant time. */
export function hasControlToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}
