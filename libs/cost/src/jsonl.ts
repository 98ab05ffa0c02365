import { readFileSync } from 'node:fs';
import { InvalidConfigError } from '@boards/core';

/**
 * The lines of an append-only JSON-lines ledger (absent file: none). A line that does not parse
 * (a write cut short by a kill or a full disk) is not skipped: what it held may be spend, so the
 * ledger refuses to answer, naming the file, the line and the repair, and nothing is spent.
 */
export function readJsonLines<T>(file: string, setting: string): T[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines: T[] = [];
  text.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    try {
      lines.push(JSON.parse(raw) as T);
    } catch {
      throw new InvalidConfigError(
        setting,
        `the ledger ${file} line ${index + 1} is not a JSON line (a write cut short?): fix or remove that line, then run again; nothing is spent until the ledger can be read`,
      );
    }
  });
  return lines;
}
