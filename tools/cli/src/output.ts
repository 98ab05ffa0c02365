/**
 * Where the CLI writes. Results go to stdout (in `--json` mode exactly one JSON document and
 * nothing else); notices, progress and logs go to stderr. Every line passes through core's
 * secret redaction on its way out, as a last guard: the CLI itself never prints a key.
 */
import { redactSecrets } from '@boards/core';

/**
 * Control characters other than newline and tab, shown as `\x1b`: text the CLI echoes (an
 * unknown generator or flag name, a provider message) must not drive the terminal.
 */
export function printable(text: string): string {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

export class Output {
  /** True with `--json`: stdout carries one JSON document only. */
  readonly json: boolean;
  readonly streams: Streams;
  private documentWritten = false;

  constructor(json: boolean, streams: Streams = { stdout: process.stdout, stderr: process.stderr }) {
    this.json = json;
    this.streams = streams;
  }

  /** A human result line on stdout; dropped in --json mode, where the document carries it. */
  result(line = ''): void {
    if (!this.json) this.streams.stdout.write(`${printable(redactSecrets(line))}\n`);
  }

  /** Help text: on stdout, or as `{help}` in --json mode. */
  help(text: string): void {
    this.result(text);
    this.document({ help: text });
  }

  /** A notice on stderr, in every mode. */
  note(line: string): void {
    this.streams.stderr.write(`${printable(redactSecrets(line))}\n`);
  }

  /** The JSON document (only in --json mode, and only once). */
  document(value: unknown): void {
    if (!this.json || this.documentWritten) return;
    this.documentWritten = true;
    this.streams.stdout.write(`${redactSecrets(JSON.stringify(value, null, 2))}\n`);
  }

  get stderrIsTTY(): boolean {
    return this.streams.stderr.isTTY === true;
  }
}

/** `9636` -> `9.4 kB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** `1.25` -> `1.3s`. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** Left-aligned columns separated by two spaces. */
export function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd(widths[col]))).join('  '));
}

/** Quotes a value for a POSIX shell only when it needs it. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(value)) return value;
  if (!/["$`\\!]/.test(value)) return `"${value}"`;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
