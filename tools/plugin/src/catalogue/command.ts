import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeDifference, discoverGenerators, familyTagProblems, renderCatalogueTable, replaceCatalogueBlock } from '@boards/catalogue';

/** Where the rendered table is kept for inclusion elsewhere (relative to the workspace root). */
export const GENERATED_FILE = 'tools/plugin/CATALOGUE.generated.md';

export interface CatalogueIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `usage: node tools/plugin/scripts/catalogue.js [--write | --check]
  (no flag)  print the catalogue table rendered from packages/*/package.json (boards.generator)
  --write    rewrite ${GENERATED_FILE} and the block between <!-- catalogue:start --> and <!-- catalogue:end --> in README.md
  --check    exit 1 and show the difference when either is stale, or a generator's project.json lacks its family:<name> tag`;

/** The catalogue command; returns the exit code. */
export function runCatalogueCommand(args: string[], workspaceRoot: string, io: CatalogueIo): number {
  const mode = args[0] ?? 'print';
  if (args.length > 1 || !['print', '--write', '--check'].includes(mode)) {
    io.err(USAGE);
    return 2;
  }
  const table = renderCatalogueTable(discoverGenerators(workspaceRoot));
  if (mode === 'print') {
    io.out(table);
    return 0;
  }
  const generatedPath = join(workspaceRoot, GENERATED_FILE);
  const readmePath = join(workspaceRoot, 'README.md');
  const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
  if (mode === '--write') {
    writeFileSync(generatedPath, `${table}\n`);
    io.out(`wrote ${GENERATED_FILE}`);
    try {
      writeFileSync(readmePath, replaceCatalogueBlock(readme, table));
    } catch (error) {
      io.err(`README.md not updated: ${(error as Error).message}`);
      return 1;
    }
    io.out('updated the catalogue block of README.md');
    return 0;
  }
  const stale: string[] = [];
  const generated = existsSync(generatedPath) ? readFileSync(generatedPath, 'utf8') : '';
  const generatedDiff = describeDifference(generated, `${table}\n`);
  if (generatedDiff) stale.push(`${GENERATED_FILE} is stale:\n${generatedDiff}`);
  try {
    const readmeDiff = describeDifference(readme, replaceCatalogueBlock(readme, table));
    if (readmeDiff) stale.push(`README.md's catalogue block is stale:\n${readmeDiff}`);
  } catch (error) {
    stale.push((error as Error).message);
  }
  // Every generator selectable by its model family (nx run-many --projects=tag:family:<name>).
  const untagged = familyTagProblems(workspaceRoot);
  if (untagged.length > 0) stale.push(`family tags:\n${untagged.map((line) => `  ${line}`).join('\n')}`);
  if (stale.length === 0) {
    io.out('the catalogue is up to date');
    return 0;
  }
  io.err(`${stale.join('\n\n')}\n\nRun: node tools/plugin/scripts/catalogue.js --write`);
  return 1;
}
