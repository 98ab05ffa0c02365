import { redactSecrets } from './secrets';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger that drops everything (the default when the caller gives none). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Wraps a logger so that every line passes through secret redaction. */
export function redactingLogger(inner: Logger): Logger {
  return {
    debug: (m) => inner.debug(redactSecrets(m)),
    info: (m) => inner.info(redactSecrets(m)),
    warn: (m) => inner.warn(redactSecrets(m)),
    error: (m) => inner.error(redactSecrets(m)),
  };
}

/** Logs to stderr, so stdout stays free for results (the CLI's --json). */
export function consoleLogger(level: 'debug' | 'info' = 'info'): Logger {
  const write = (tag: string, m: string) => process.stderr.write(`${tag} ${m}\n`);
  return redactingLogger({
    debug: (m) => (level === 'debug' ? write('debug', m) : undefined),
    info: (m) => write('info ', m),
    warn: (m) => write('warn ', m),
    error: (m) => write('error', m),
  });
}
