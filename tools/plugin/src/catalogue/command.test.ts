import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeDifference, discoverGenerators, renderCatalogueTable, replaceCatalogueBlock } from '@boards/catalogue';
import { GENERATED_FILE, runCatalogueCommand } from './command';

const WORKSPACE = join(__dirname, '../../../..');
/** A generator package's main module (the catalogue library's fixture). */
const FIXTURE_GENERATOR = require.resolve('@boards/catalogue/src/__fixtures__/generator.ts');
/** A temporary workspace root for the command, removed after the tests. */
const root = mkdtempSync(join(tmpdir(), 'catalogue-command-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const table = renderCatalogueTable(discoverGenerators(WORKSPACE));

describe('catalogue command', () => {
  it('--check fails on a stale README and --write brings it up to date', () => {
    mkdirSync(join(root, 'packages', 'alpha'), { recursive: true });
    mkdirSync(join(root, 'tools', 'plugin'), { recursive: true });
    writeFileSync(join(root, 'packages', 'alpha', 'package.json'), JSON.stringify({ main: FIXTURE_GENERATOR, boards: { generator: 'fixture' } }));
    writeFileSync(join(root, 'packages', 'alpha', 'project.json'), JSON.stringify({ name: 'alpha', tags: ['generator'] }));
    writeFileSync(join(root, 'README.md'), '# R\n<!-- catalogue:start -->\nstale\n<!-- catalogue:end -->\n');
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    expect(runCatalogueCommand(['--check'], root, io)).toBe(1);
    expect(lines.join('\n')).toMatch(/README.md's catalogue block is stale:\n- stale/);
    expect(runCatalogueCommand(['--write'], root, io)).toBe(0);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('| [fixture](packages/fixture) |');
    // Up to date, but the package is not selectable by its family until its project carries the tag.
    lines.length = 0;
    expect(runCatalogueCommand(['--check'], root, io)).toBe(1);
    expect(lines.join('\n')).toMatch(/family tags:\n {2}fixture: project.json has no family tag; add "family:fixture"/);
    writeFileSync(join(root, 'packages', 'alpha', 'project.json'), JSON.stringify({ name: 'alpha', tags: ['generator', 'family:fixture'] }));
    expect(runCatalogueCommand(['--check'], root, io)).toBe(0);
  });
});

describe('catalogue files in this repository', () => {
  it(`${GENERATED_FILE} matches the registry`, () => {
    const generated = readFileSync(join(WORKSPACE, GENERATED_FILE), 'utf8');
    expect(describeDifference(generated, `${table}\n`)).toBeUndefined();
  });

  it("README.md's catalogue block matches the registry (node tools/plugin/scripts/catalogue.js --write)", () => {
    const readme = readFileSync(join(WORKSPACE, 'README.md'), 'utf8');
    expect(describeDifference(readme, replaceCatalogueBlock(readme, table))).toBeUndefined();
  });
});
