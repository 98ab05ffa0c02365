/**
 * nx.json names the plugin through node_modules/.boards/nx-plugin.js, and the `test` executor through
 * node_modules/.boards/executors.json, which the root postinstall writes (scripts/link-nx-plugin.js):
 * an entry under node_modules spares every Nx command the extra pass over the projects that Nx makes
 * for a plugin resolved inside the workspace, and every `nx test` the TypeScript compiler Nx loads to
 * look a workspace executor up through its project's package exports.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');
const script = join(root, 'tools/plugin/scripts/link-nx-plugin.js');
// Node's own require, as Nx loads the entry (plain JavaScript; not jest's module registry).
const load = createRequire(__filename);

describe("nx.json's plugin entry", () => {
  it('is the file the postinstall writes, and it resolves under node_modules to the workspace plugin', () => {
    const nxJson = JSON.parse(readFileSync(join(root, 'nx.json'), 'utf8')) as { plugins: string[] };
    expect(nxJson.plugins).toEqual(['./node_modules/.boards/nx-plugin.js']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.postinstall).toBe('node tools/plugin/scripts/link-nx-plugin.js');
    const entry = load.resolve(join(root, nxJson.plugins[0]));
    expect(entry).toContain('/node_modules/');
    const plugin = load(entry) as { name: string; preTasksExecution: unknown; postTasksExecution: unknown };
    expect(plugin).toBe(load(join(root, 'tools/plugin/nx-plugin.js')));
    expect(plugin.name).toBe('@boards/tools');
    expect(typeof plugin.preTasksExecution).toBe('function');
  });

  it('the link script writes a relative forwarder once, so a copied workspace loads its own plugin', () => {
    const copy = mkdtempSync(join(tmpdir(), 'boards-link-'));
    try {
      mkdirSync(join(copy, 'tools/plugin/scripts'), { recursive: true });
      writeFileSync(join(copy, 'tools/plugin/scripts/link-nx-plugin.js'), readFileSync(script));
      writeFileSync(join(copy, 'tools/plugin/nx-plugin.js'), "exports.name = 'copy';\n");
      writeFileSync(join(copy, 'tools/plugin/executors.json'), readFileSync(join(root, 'tools/plugin/executors.json')));
      execFileSync(process.execPath, [join(copy, 'tools/plugin/scripts/link-nx-plugin.js')]);
      const written = join(copy, 'node_modules/.boards/nx-plugin.js');
      expect((load(written) as { name: string }).name).toBe('copy');
      const text = readFileSync(written, 'utf8');
      utimesSync(written, 1_000_000, 1_000_000); // an old mtime: a rewrite would move it
      execFileSync(process.execPath, [join(copy, 'tools/plugin/scripts/link-nx-plugin.js')]);
      expect(statSync(written).mtimeMs).toBe(1_000_000_000); // up to date: left alone
      writeFileSync(written, 'stale');
      execFileSync(process.execPath, [join(copy, 'tools/plugin/scripts/link-nx-plugin.js')]);
      expect(readFileSync(written, 'utf8')).toBe(text);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("names the test executor through the postinstall's executors.json, whose paths lead to tools/plugin's executor", () => {
    const nxJson = JSON.parse(readFileSync(join(root, 'nx.json'), 'utf8')) as { targetDefaults: Record<string, { executor?: string }> };
    expect(nxJson.targetDefaults.test.executor).toBe('./node_modules/.boards:jest');
    const entries = join(root, 'node_modules/.boards');
    const pkg = JSON.parse(readFileSync(join(entries, 'package.json'), 'utf8')) as { executors: string };
    type Executors = { executors: Record<string, Record<string, string | boolean>> };
    const linked = JSON.parse(readFileSync(join(entries, pkg.executors), 'utf8')) as Executors;
    const source = JSON.parse(readFileSync(join(root, 'tools/plugin/executors.json'), 'utf8')) as Executors;
    expect(Object.keys(linked.executors)).toEqual(Object.keys(source.executors));
    const { jest } = linked.executors;
    expect(jest.preferBatch).toBe(true);
    const [file, exported] = String(jest.batchImplementation).split('#');
    expect(load.resolve(join(entries, file))).toBe(load.resolve(join(root, 'tools/plugin/executors/jest/executor.js')));
    expect(typeof (load(join(entries, file)) as Record<string, unknown>)[exported]).toBe('function');
    expect(load.resolve(join(entries, String(jest.implementation)))).toBe(load.resolve(join(entries, file)));
    expect(readFileSync(join(entries, String(jest.schema)), 'utf8')).toBe(readFileSync(join(root, 'tools/plugin/executors/jest/schema.json'), 'utf8'));
  });
});
