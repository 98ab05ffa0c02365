import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
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

/** What the probe writes: a few blocks, so a full disk fails here (an empty file can be created on one). */
const PROBE_BYTES = 16 * 1024;

/**
 * Creates `dir` (like writeOnce would) and writes, syncs and removes a probe file in it: an
 * unusable directory (not creatable, read-only, full) is found before a paid generation rather
 * than after. Throws InvalidConfigError naming `setting` and the directory.
 */
export async function probeDirectory(dir: string, setting = 'BOARDS_STORAGE_DIR'): Promise<void> {
  const probe = join(dir, `.boards-probe-${randomUUID()}.tmp`);
  try {
    await makeDirs(dir);
    const file = await open(probe, 'wx');
    try {
      // A nearly full disk takes part of a write without an error: write until all of it is in.
      const probeBytes = new Uint8Array(PROBE_BYTES);
      for (let written = 0; written < PROBE_BYTES;) {
        const { bytesWritten } = await file.write(probeBytes, written, PROBE_BYTES - written);
        if (bytesWritten === 0) throw Object.assign(new Error('no space left'), { code: 'ENOSPC' });
        written += bytesWritten;
      }
      // Without the sync a filesystem with delayed allocation could accept the write and fail later.
      await file.sync();
    } finally {
      await file.close();
    }
  } catch (error) {
    await rm(probe, { force: true }).catch(() => undefined);
    throw new InvalidConfigError(setting, `cannot write to ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  await rm(probe, { force: true });
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
