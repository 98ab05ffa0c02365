/**
 * The workspace under test: its root and its generator packages (found by their package.json,
 * so a newly scaffolded generator is covered without editing this project).
 */
import { resolve } from 'node:path';
import { findGeneratorPackages, loadGenerator, type AnyGenerator } from '@boards/core';
import { workspaceSnapshots } from '@boards/testing/drift';

export const workspaceRoot = resolve(__dirname, '../../..');

export interface DiscoveredGenerator {
  id: string;
  dir: string;
  generator: AnyGenerator;
}

/** Every generator package of the workspace, loaded (core's discovery: the same packages `boards list` shows). */
export function discoverGenerators(root: string = workspaceRoot): DiscoveredGenerator[] {
  return findGeneratorPackages(root).map((pkg) => ({ id: pkg.id, dir: pkg.dir, generator: loadGenerator(pkg) }));
}

/** Every generator package's snapshot: what an emulator serving all the workspace's generators is handed. */
export function generatorSnapshots(root: string = workspaceRoot) {
  return workspaceSnapshots(root);
}
