/**
 * "Settings are passed, not read from the environment": on the generation path only
 * @boards/config reads `process.env`. Core (the contract), storage and the provider adapters take
 * keys, base URLs, the deadline and the output directory as values; a source scan keeps it so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { workspaceRoot } from './workspace';

/** `process.env`, `process['env']`, or `env` taken out of `process` by destructuring. */
const READS_ENV = /\bprocess\s*(?:\.\s*env\b|\[\s*['"`]env['"`]\s*\])|\{[^}]*\benv\b[^}]*\}\s*=\s*process\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !/\.(test|spec)\.ts$/.test(file) && !file.split(/[\\/]/).includes('__fixtures__'))
    .map((file) => join(dir, file));
}

function envReaders(dirs: string[]): string[] {
  return dirs
    .flatMap(sources)
    .filter((file) => READS_ENV.test(readFileSync(file, 'utf8')))
    .map((file) => relative(workspaceRoot, file));
}

const providers = readdirSync(join(workspaceRoot, 'libs/providers')).map((name) => join(workspaceRoot, 'libs/providers', name, 'src'));

describe('only config reads the environment on the generation path', () => {
  it('no non-test source of core, storage or any provider adapter reads process.env', () => {
    expect(providers.length).toBeGreaterThanOrEqual(4);
    expect(envReaders([join(workspaceRoot, 'libs/core/src'), join(workspaceRoot, 'libs/storage/src'), ...providers])).toEqual([]);
  });

  it('the scan finds the reads it looks for (config reads the environment; each way of writing it is seen)', () => {
    expect(envReaders([join(workspaceRoot, 'libs/config/src')]).length).toBeGreaterThan(0);
    for (const text of ['process.env.X', "process['env']", 'const { env } = process;', 'process . env']) expect(READS_ENV.test(text)).toBe(true);
    expect(READS_ENV.test('options.env ?? defaults')).toBe(false);
  });
});
