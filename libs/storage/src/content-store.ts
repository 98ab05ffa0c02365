import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InvalidConfigError } from '@boards/core';

/**
 * Writes `bytes` as `<dir>/<fileName>` unless that file already exists. The name is derived
 * from the content's hash, so an existing file of the same size is the same content.
 *
 * Atomic: bytes go to a unique temp file in the same directory, then rename() replaces the
 * target in one step, so a reader (or a concurrent put of the same bytes) never sees a
 * partial file. Concurrent writers of the same content both rename identical files: the
 * last one wins and the result is the same.
 */
export async function writeOnce(dir: string, fileName: string, bytes: Uint8Array, setting = 'BOARDS_STORAGE_DIR'): Promise<string> {
  const target = join(dir, fileName);
  if (await hasSize(target, bytes.byteLength)) return target;
  const temp = join(dir, `.${fileName}.${randomUUID()}.tmp`);
  try {
    await makeDirs(dir);
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    // Best effort: when the directory itself is unusable there is no temp file to remove.
    await rm(temp, { force: true }).catch(() => undefined);
    // Windows refuses to rename over a file another writer holds open; that writer stored the same bytes.
    if (await hasSize(target, bytes.byteLength)) return target;
    throw new InvalidConfigError(setting, `cannot write ${target} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return target;
}

async function hasSize(path: string, size: number): Promise<boolean> {
  try {
    const info = await stat(path);
    return info.isFile() && info.size === size;
  } catch {
    return false;
  }
}

/**
 * `mkdir -p` one level at a time. Node's own `{recursive: true}` spins forever (at full CPU)
 * under /proc, where mkdir answers ENOENT for a parent that exists.
 */
async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    const info = await stat(at).catch(() => undefined);
    if (info?.isDirectory()) break;
    if (info) throw Object.assign(new Error(`${at} is not a directory`), { code: 'ENOTDIR' });
    if (dirname(at) === at) break;
    missing.unshift(at);
  }
  for (const at of missing) {
    await mkdir(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}
