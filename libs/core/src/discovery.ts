/**
 * Finds generator packages: `<workspaceRoot>/packages/<dir>/package.json` with a
 * `"boards": {"generator": "<id>"}` field, whose main module exports `generator`.
 * Reading package.json files is cheap; requiring a package loads its provider SDK, so
 * callers load every package only when they need all of them (list, catalogue).
 * Packages are required at run time, never imported, so libs stay free of generators.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { InvalidConfigError, UnknownGeneratorError } from './errors';
import type { AnyGenerator } from './generator';
import { GeneratorRegistry } from './registry';

export interface GeneratorPackage {
  /** The `boards.generator` field: the generator id. */
  id: string;
  /** npm package name, e.g. `@boards/flux-pro`. */
  packageName: string;
  /** Absolute path of the package directory. */
  dir: string;
  /** Absolute path of the module exporting `generator`. */
  main: string;
}

/** The fields of a package.json discovery reads: generators (`boards.generator`) and provider adapters (`boards.provider`). */
export interface PackageJson {
  name?: string;
  main?: string;
  workspaces?: unknown;
  boards?: { generator?: unknown; provider?: unknown };
}

/** A package.json, or undefined when it is missing or not JSON. */
export function readPackageJson(path: string): PackageJson | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

/** The nearest directory at or above `start` whose package.json declares `workspaces`. */
export function findWorkspaceRoot(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (readPackageJson(join(dir, 'package.json'))?.workspaces !== undefined) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function packageAt(dir: string): GeneratorPackage | undefined {
  const pkg = readPackageJson(join(dir, 'package.json'));
  const id = pkg?.boards?.generator;
  if (!pkg || typeof id !== 'string') return undefined;
  return { id, packageName: pkg.name ?? id, dir, main: resolve(dir, pkg.main ?? 'src/index.ts') };
}

/** Every generator package of the workspace, sorted by id (package.json files only; nothing is loaded). */
export function findGeneratorPackages(root: string): GeneratorPackage[] {
  const packagesDir = join(root, 'packages');
  if (!existsSync(packagesDir)) return [];
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => packageAt(join(packagesDir, entry.name)) ?? [])
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The package of generator `id`. By convention its folder is `packages/<id>`; the field is
 * checked, and when the convention does not hold every package.json is read.
 * Throws UnknownGeneratorError listing the known ids.
 */
export function findGeneratorPackage(root: string, id: string): GeneratorPackage {
  const byConvention = /^[a-z0-9][a-z0-9._-]*$/i.test(id) ? packageAt(join(root, 'packages', id)) : undefined;
  if (byConvention?.id === id) return byConvention;
  const all = findGeneratorPackages(root);
  const found = all.find((p) => p.id === id);
  if (!found)
    throw new UnknownGeneratorError(
      id,
      all.map((p) => p.id),
    );
  return found;
}

/** Requires the package's main module and checks that it exports the generator it declares. */
export function loadGenerator(pkg: GeneratorPackage): AnyGenerator {
  // TypeScript sources need a loader registered (the CLI registers @swc-node/register; jest transforms).
  const load = createRequire(join(pkg.dir, 'package.json'));
  const exported = (load(pkg.main) as { generator?: unknown }).generator as Partial<AnyGenerator> | undefined;
  if (!exported || typeof exported.generate !== 'function' || typeof exported.parseInput !== 'function') {
    throw new InvalidConfigError(pkg.packageName, `${pkg.main} does not export a \`generator\``);
  }
  if (exported.id !== pkg.id) {
    throw new InvalidConfigError(pkg.packageName, `package.json declares generator "${pkg.id}" but the module exports "${exported.id}"`);
  }
  return exported as AnyGenerator;
}

export interface LoadFailure {
  packageName: string;
  message: string;
}

/** Loads every generator of the workspace. A package that fails to load is reported, not fatal. */
export function loadAllGenerators(root: string): { registry: GeneratorRegistry; failures: LoadFailure[] } {
  const registry = new GeneratorRegistry();
  const failures: LoadFailure[] = [];
  for (const pkg of findGeneratorPackages(root)) {
    try {
      registry.register(loadGenerator(pkg));
    } catch (error) {
      failures.push({ packageName: pkg.packageName, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { registry, failures };
}

/** Loads the one generator `id` (and nothing else). */
export function loadGeneratorById(root: string, id: string): AnyGenerator {
  return loadGenerator(findGeneratorPackage(root, id));
}
