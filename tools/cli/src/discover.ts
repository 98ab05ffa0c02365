/**
 * Which workspace the CLI serves. Discovery itself lives in @boards/core.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findWorkspaceRoot, InvalidConfigError } from '@boards/core';

export {
  findGeneratorPackage,
  findGeneratorPackages,
  findWorkspaceRoot,
  loadAllGenerators,
  loadGenerator,
  loadGeneratorById,
  type GeneratorPackage,
  type LoadFailure,
} from '@boards/core';

/** Points discovery at a workspace explicitly (tests, or running the CLI from elsewhere). */
export const WORKSPACE_ROOT_VARIABLE = 'BOARDS_WORKSPACE_ROOT';

/**
 * The workspace whose generators the CLI serves: BOARDS_WORKSPACE_ROOT when set; else the
 * workspace around `cwd` if it has generator packages; else the workspace this CLI lives in
 * (so `boards` works from any directory, e.g. a temporary one).
 */
export function resolveWorkspaceRoot(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env[WORKSPACE_ROOT_VARIABLE];
  if (explicit) {
    const root = resolve(cwd, explicit);
    if (!existsSync(join(root, 'package.json'))) throw new InvalidConfigError(WORKSPACE_ROOT_VARIABLE, `${root} has no package.json`);
    return root;
  }
  const around = findWorkspaceRoot(cwd);
  if (around && existsSync(join(around, 'packages'))) return around;
  const own = findWorkspaceRoot(__dirname);
  if (own) return own;
  if (around) return around;
  throw new InvalidConfigError(WORKSPACE_ROOT_VARIABLE, `no workspace found above ${cwd}; set it to the repository root`);
}
