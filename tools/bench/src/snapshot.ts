import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exec } from './exec';

/** What is not copied: caches and outputs. */
const EXCLUDE = ['./.git', './.nx', './.live-runs', './tmp', './dist', './coverage', './boards-output', './BENCHMARKS.md', './node_modules/.cache'];

export interface Snapshot {
  /** Root of the copy. */
  dir: string;
  /** A directory beside the copy (never inside it, where Nx would see it as workspace files) for Nx's cache and data. */
  stateDir: string;
  remove(): void;
}

/**
 * A copy of the working tree (uncommitted work included, node_modules too: its workspace links
 * are relative, so they point into the copy, and an `npm install` there stays there) with its
 * own git repository (`.git` is not copied: in a git worktree it is a file pointing at the
 * shared repository, whose branch a commit in the copy would move): one commit holding
 * everything, so later commits there are the only changes `nx affected` sees. The workspace's
 * own git history, Nx cache and node_modules are never written.
 */
export async function makeSnapshot(root: string): Promise<Snapshot> {
  const base = mkdtempSync(join(tmpdir(), 'boards-bench-'));
  const dir = join(base, 'ws');
  mkdirSync(dir);
  const tar = await exec('bash', ['-c', `tar -C "$1" ${EXCLUDE.map((e) => `--exclude='${e}'`).join(' ')} -cf - . | tar -C "$2" -xf -`, 'copy', root, dir], {
    cwd: base,
  });
  if (tar.code !== 0) throw new Error(`copying the workspace failed: ${tar.stderr.trim()}`);
  await git(dir, ['init', '-q']);
  await git(dir, ['add', '-A']);
  await git(dir, ['commit', '-q', '--no-verify', '--allow-empty', '-m', 'bench snapshot of the working tree']);
  return { dir, stateDir: join(base, 'nx-state'), remove: () => rmSync(base, { recursive: true, force: true }) };
}

export async function git(dir: string, args: string[]): Promise<string> {
  const result = await exec('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', '-c', 'commit.gpgsign=false', ...args], { cwd: dir });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout;
}
