/**
 * nx.json names the plugin through node_modules/.boards/nx-plugin.js, which the root postinstall
 * writes (scripts/link-nx-plugin.js): an entry under node_modules spares every Nx command the extra
 * pass over the projects that Nx makes for a plugin resolved inside the workspace.
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
});
