/**
 * How the emulator gets snapshots: handed in, never read by it from the workspace. A generator's
 * unit and `-c emulator` live tests hand it the snapshot of their own package (found from the test
 * file), so a change to one package's snapshot.json re-runs only that package's tests; `boards
 * emulator` hands it every package's. A new generator package needs its snapshot file only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findGeneratorPackages } from '@boards/core';
import type { EmulatorSnapshot, OutputKind } from '@boards/emulator';

/** The emulator's reference snapshots (what it serves unless told not to): for tests of a document reader or of an adapter's generators without a package. */
export { referenceSnapshots } from '@boards/emulator';
import { readSnapshot } from './drift-snapshot';

const KINDS: readonly OutputKind[] = ['image', 'video', 'audio', 'text'];

/** The package directory holding `from` (the nearest folder with a package.json), or undefined. */
export function packageDirOf(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The artifact type among a project's tags (what the snapshot cannot say: the kind of media to make). */
function kindOf(packageDir: string): OutputKind | undefined {
  try {
    const tags = (JSON.parse(readFileSync(join(packageDir, 'project.json'), 'utf8')) as { tags?: unknown }).tags;
    return Array.isArray(tags) ? KINDS.find((k) => tags.includes(k)) : undefined;
  } catch {
    return undefined;
  }
}

/** The snapshot of the package in `packageDir` as the emulator takes it, or undefined when it has none. Throws naming a malformed file. */
export function emulatorSnapshotOf(packageDir: string): EmulatorSnapshot | undefined {
  const snapshot = readSnapshot(packageDir);
  if (!snapshot) return undefined;
  const output = kindOf(packageDir);
  return { provider: snapshot.provider, model: snapshot.model, document: snapshot.document, provenance: snapshot.provenance, ...(output ? { output } : {}) };
}

/** The snapshot of the package the running jest test file belongs to ([] outside jest or without one). */
export function testPackageSnapshots(): EmulatorSnapshot[] {
  const testPath = typeof expect === 'undefined' ? undefined : expect.getState().testPath;
  const dir = testPath ? packageDirOf(dirname(testPath)) : undefined;
  const snapshot = dir ? emulatorSnapshotOf(dir) : undefined;
  return snapshot ? [snapshot] : [];
}

/** Every generator package's snapshot in the workspace at `root` (what `boards emulator` serves). */
export function workspaceSnapshots(root: string): EmulatorSnapshot[] {
  return findGeneratorPackages(root).flatMap((pkg) => {
    const snapshot = emulatorSnapshotOf(pkg.dir);
    return snapshot ? [snapshot] : [];
  });
}

/** The workspace root above `from` (the nearest folder with an nx.json), or undefined. */
function workspaceRootOf(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The snapshots the emulator needs to answer `generator`: the test file's own package's when that
 * is the generator's package, else the generator's package's, found among the workspace's (a test
 * outside the generator's package, e.g. one that runs every generator, names no package of its own).
 */
export function snapshotsFor(generator: { id: string; model: string }): EmulatorSnapshot[] {
  const own = testPackageSnapshots();
  if (own.some((snapshot) => snapshot.model === generator.model)) return own;
  const testPath = typeof expect === 'undefined' ? undefined : expect.getState().testPath;
  const root = workspaceRootOf(testPath ? dirname(testPath) : process.cwd());
  const pkg = root ? findGeneratorPackages(root).find((candidate) => candidate.id === generator.id) : undefined;
  const snapshot = pkg ? emulatorSnapshotOf(pkg.dir) : undefined;
  return snapshot ? [...own, snapshot] : own;
}
