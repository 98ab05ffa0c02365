import { findGeneratorPackages, loadGenerator, type AnyGenerator } from '@boards/core';

/** The generator packages of a workspace by id, loaded on demand (core's discovery). */
export function generatorLoader(workspace: string): { ids: string[]; load(id: string): AnyGenerator } {
  const packages = new Map(findGeneratorPackages(workspace).map((pkg) => [pkg.id, pkg]));
  return {
    ids: [...packages.keys()],
    load(id) {
      const pkg = packages.get(id);
      if (!pkg) throw new Error(`no generator package "${id}" in ${workspace}`);
      return loadGenerator(pkg);
    },
  };
}
