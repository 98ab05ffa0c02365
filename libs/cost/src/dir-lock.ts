import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { TimeoutError } from '@boards/core';

/** How long a caller waits for the lock before giving up. */
export const LOCK_WAIT_MS = 15_000;
/**
 * A lock is held for milliseconds; one older than this whose holder cannot be asked (another
 * machine, e.g. a directory restored from the Actions cache) is taken as left by a killed process.
 */
export const STALE_LOCK_MS = 10_000;

interface Owner {
  pid: number;
  host: string;
  at: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lock: string): Owner | undefined {
  try {
    return JSON.parse(readFileSync(join(lock, 'owner'), 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

function isStale(lock: string): boolean {
  const owner = readOwner(lock);
  if (!owner) {
    try {
      return Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS;
    } catch {
      return false;
    }
  }
  // On this machine the holder can be asked; elsewhere only the lock's age tells.
  if (owner.host === hostname()) return !pidAlive(owner.pid);
  return Date.now() - owner.at > STALE_LOCK_MS;
}

/** Moves a directory out of the way atomically, then deletes it at leisure. */
function discard(dir: string): void {
  const gone = `${dir}.gone-${randomUUID()}`;
  try {
    renameSync(dir, gone);
  } catch {
    return;
  }
  rmSync(gone, { recursive: true, force: true });
}

/**
 * Breaks a lock left by a dead holder. Breakers take turns through a second lock (mkdir is
 * atomic) and judge the lock again once they hold it, so a breaker never removes a lock that
 * a live process took after another breaker cleared the dead one.
 */
function breakIfStale(lock: string): void {
  const breaker = `${lock}.break`;
  try {
    mkdirSync(breaker);
  } catch {
    // Another process is breaking it; a breaker killed mid-break leaves this behind, rarely.
    try {
      if (Date.now() - statSync(breaker).mtimeMs > STALE_LOCK_MS) rmdirSync(breaker);
    } catch {
      // gone meanwhile
    }
    return;
  }
  try {
    if (isStale(lock)) discard(lock);
  } finally {
    rmdirSync(breaker);
  }
}

/**
 * Runs `fn` holding an exclusive lock on `lock` across processes. The lock directory is
 * prepared with its owner inside, then renamed into place: rename onto an existing, non-empty
 * directory fails, so exactly one process holds it, and the owner is never missing.
 */
export async function withDirLock<T>(lock: string, fn: () => T): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  const mine = mkdtempSync(`${lock}.new-`);
  for (;;) {
    try {
      writeFileSync(join(mine, 'owner'), JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() } satisfies Owner));
      renameSync(mine, lock);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') {
        rmSync(mine, { recursive: true, force: true });
        throw error;
      }
      breakIfStale(lock);
      if (Date.now() > deadline) {
        rmSync(mine, { recursive: true, force: true });
        throw new TimeoutError(`waiting for the lock ${lock}`, LOCK_WAIT_MS);
      }
      await sleep(1 + Math.random() * 4);
    }
  }
  try {
    return fn();
  } finally {
    discard(lock);
  }
}
