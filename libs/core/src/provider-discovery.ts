/**
 * Finds the installed provider adapters the way generators are found: a package.json with a
 * `"boards": {"provider": "<name>"}` field, in the workspace's `libs/providers/<dir>/` and in
 * every `node_modules/@boards/` directory at or above the start directory (a consumer outside
 * the workspace). Only the descriptor module is loaded (`src/descriptor.ts` in the workspace,
 * the package's `./descriptor` export once published): never an SDK. Descriptors registered in
 * this process (an imported adapter registers its own) are included without a scan.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { readPackageJson } from './discovery';
import { InvalidConfigError } from './errors';
import { registeredProviders, registerProvider, type ProviderDescriptor } from './provider';

export interface ProviderPackage {
  /** The `boards.provider` field. */
  name: string;
  /** npm package name, e.g. `@boards/provider-fal`. */
  packageName: string;
  /** Absolute path of the package directory. */
  dir: string;
}

function providerPackageAt(dir: string): ProviderPackage | undefined {
  const pkg = readPackageJson(join(dir, 'package.json'));
  const name = pkg?.boards?.provider;
  if (!pkg || typeof name !== 'string') return undefined;
  return { name, packageName: pkg.name ?? name, dir };
}

function packagesIn(dir: string): ProviderPackage[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
    .flatMap((entry) => providerPackageAt(join(dir, entry.name)) ?? []);
}

/** The directories to scan from `start`: each `node_modules/@boards` above it, and the workspace's `libs/providers` first. */
function scanDirs(start: string): string[] {
  const dirs: string[] = [];
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (readPackageJson(join(dir, 'package.json'))?.workspaces !== undefined) dirs.unshift(join(dir, 'libs', 'providers'));
    dirs.push(join(dir, 'node_modules', '@boards'));
    if (dirname(dir) === dir) return dirs;
  }
}

/** Every provider adapter package visible from `start` (package.json files only; nothing is loaded), one per provider name. */
export function findProviderPackages(start: string): ProviderPackage[] {
  const byName = new Map<string, ProviderPackage>();
  for (const dir of scanDirs(start)) {
    for (const pkg of packagesIn(dir)) if (!byName.has(pkg.name)) byName.set(pkg.name, pkg);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Loads the package's descriptor module (no SDK) and checks it describes the provider the package declares. */
export function loadProviderDescriptor(pkg: ProviderPackage): ProviderDescriptor {
  const load = createRequire(join(pkg.dir, 'package.json'));
  const source = join(pkg.dir, 'src', 'descriptor.ts');
  // In the workspace the TypeScript source is loaded (jest and the CLI register a loader); published, the `./descriptor` export.
  const module = load(existsSync(source) ? source : `${pkg.packageName}/descriptor`) as { descriptor?: Partial<ProviderDescriptor> };
  const descriptor = module.descriptor;
  if (!descriptor || typeof descriptor.name !== 'string' || !descriptor.key) {
    throw new InvalidConfigError(pkg.packageName, 'its descriptor module does not export a `descriptor`');
  }
  if (descriptor.name !== pkg.name) {
    throw new InvalidConfigError(pkg.packageName, `package.json declares provider "${pkg.name}" but its descriptor is "${descriptor.name}"`);
  }
  return registerProvider(descriptor as ProviderDescriptor);
}

const scanned = new Map<string, ProviderDescriptor[]>();

function scan(start: string): ProviderDescriptor[] {
  const key = resolve(start);
  let found = scanned.get(key);
  if (!found) {
    found = findProviderPackages(key).map(loadProviderDescriptor);
    scanned.set(key, found);
  }
  return found;
}

/**
 * The descriptors of every provider installed where `start` can see, plus those registered in
 * this process; sorted by name. Default: what the working directory sees and what this copy of
 * core sees (its workspace, or the `node_modules` it is installed in). Scans once per directory.
 */
export function providerDescriptors(start?: string): ProviderDescriptor[] {
  const found = start === undefined ? [...scan(process.cwd()), ...scan(__dirname)] : scan(start);
  const byName = new Map<string, ProviderDescriptor>();
  for (const d of [...found, ...registeredProviders()]) if (!byName.has(d.name)) byName.set(d.name, d);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The names of every installed provider. */
export function providerNames(start?: string): string[] {
  return providerDescriptors(start).map((d) => d.name);
}

/** The descriptor of provider `name`, or undefined when no installed adapter describes it. */
export function findProvider(name: string, start?: string): ProviderDescriptor | undefined {
  return registeredProviders().find((d) => d.name === name) ?? providerDescriptors(start).find((d) => d.name === name);
}

/** The descriptor of provider `name`; throws InvalidConfigError naming the installed ones when there is none. */
export function requireProvider(name: string, start?: string): ProviderDescriptor {
  const found = findProvider(name, start);
  if (found) return found;
  const known = providerNames(start);
  throw new InvalidConfigError('provider', `no installed adapter describes "${name}" (installed: ${known.join(', ') || 'none'})`);
}
