import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findWorkspaceRoot, InvalidConfigError } from '@boards/core';
import { parseDotEnv } from './dotenv';
import { ENV_FILE_VARIABLE, nonEmpty } from './variables';

export interface EnvFileChoice {
  env: NodeJS.ProcessEnv;
  cwd: string;
  envFile?: string | false;
}

/**
 * Reads the .env file: `envFile` if given, else BOARDS_ENV_FILE, else the `.env` at the root of the
 * workspace that holds `cwd` (the nearest folder above with a package.json declaring workspaces),
 * else `<cwd>/.env`.
 * The default file may be absent (most CI runs have none); a file named explicitly
 * must exist, because a typo there would otherwise silently drop every key in it.
 */
export function readEnvFile({ env, cwd, envFile }: EnvFileChoice): Record<string, string> {
  if (envFile === false) return {};
  const named = envFile ?? nonEmpty(env[ENV_FILE_VARIABLE]);
  // In a workspace, its root's .env wherever the command runs (an Nx task runs in its project's
  // folder); elsewhere the working directory's.
  const path = named !== undefined ? resolve(cwd, named) : join(findWorkspaceRoot(cwd) ?? resolve(cwd), '.env');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (named === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    const setting = envFile !== undefined ? 'envFile' : ENV_FILE_VARIABLE;
    throw new InvalidConfigError(setting, `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseDotEnv(text, path);
}
