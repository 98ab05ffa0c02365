import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../test-support/cli-process';

const PACKAGES = join(__dirname, '..', '..', '..', 'packages');

/** The generator ids the workspace declares (packages/<dir>/package.json `boards.generator`), read without the CLI. */
const declared = readdirSync(PACKAGES)
  .map((dir) => JSON.parse(readFileSync(join(PACKAGES, dir, 'package.json'), 'utf8')) as { boards?: { generator?: string } })
  .flatMap((pkg) => (pkg.boards?.generator ? [pkg.boards.generator] : []))
  .sort();

// The whole workspace, as .ci/run runs it: one real process loading every generator (the unit tier keeps to planted ones).
describe('boards drift --stored over the workspace', () => {
  it('holds every generator to its stored snapshot and finds no drift: exit 0, none left out', async () => {
    const { code, stdout, stderr } = await runCli(['drift', '--stored', '--json']);
    const { generators } = JSON.parse(stdout) as { generators: Array<{ generator: string; status: string; reason?: string; lines: string[] }> };
    const problems = generators.filter((g) => g.status !== 'ok' && g.status !== 'skipped');
    expect(problems).toEqual([]);
    expect(code).toBe(0);
    expect(stderr).not.toContain('could not be loaded');
    expect(generators.map((g) => g.generator).sort()).toEqual(declared);
    // Only a retired model is skipped, as by `boards drift`.
    for (const g of generators.filter((x) => x.status === 'skipped')) expect(g.reason).toMatch(/ is retired: /);
  });
});
