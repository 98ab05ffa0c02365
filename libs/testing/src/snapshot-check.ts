/**
 * The generator against its snapshot (`packages/<generator>/snapshot.json`), as a unit test every
 * generator package runs in one line. A snapshot that `boards drift --update` changed fails
 * exactly the generators that must change, naming each field and the change.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkGenerator, documentSource, readSnapshot, snapshotPath, type SnapshotSubject } from './drift-snapshot';

/** The package directory holding `from` (the nearest folder with a package.json). */
function packageDirOf(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** Registers a test holding `generator` to the snapshot of its package (found from `testDir`, e.g. `__dirname`). */
export function describeSnapshotCheck(generator: SnapshotSubject, testDir: string): void {
  describe(`${generator.id} against its provider's published document (snapshot.json)`, () => {
    it('sends and assumes only what the snapshot publishes: defaults, enums, limits, required fields, output, statuses, lifecycle', () => {
      const dir = packageDirOf(testDir);
      const snapshot = readSnapshot(dir);
      if (!snapshot) throw new Error(`${snapshotPath(dir)} is missing: run boards drift --update ${generator.id}`);
      expect(snapshot.model).toBe(generator.model);
      const source = documentSource(generator.provider);
      const problems = checkGenerator(generator, source.facts(snapshot.document, generator.model, generator.artifactType), source);
      if (problems.length > 0)
        throw new Error(
          `${generator.id} against ${snapshotPath(dir)} (${snapshot.provenance.how}, ${snapshot.provenance.fetchedAt}):\n${problems.map((p) => `  ${p}`).join('\n')}`,
        );
      expect(problems).toEqual([]);
    });
  });
}
