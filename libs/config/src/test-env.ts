import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];

/** Test helper: a fresh directory, holding a .env with `text` when given. */
export function dirWithEnvFile(text?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'boards-config-'));
  created.push(dir);
  if (text !== undefined) writeFileSync(join(dir, '.env'), text);
  return dir;
}

/** Test helper: removes every directory dirWithEnvFile made. */
export function removeEnvDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
