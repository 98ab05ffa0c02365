#!/usr/bin/env node
// Writes node_modules/.boards/: nx-plugin.js, the entry nx.json names ("plugins"), one line that loads
// tools/plugin/nx-plugin.js; and a package.json with an executors.json that point Nx at the `test`
// executor in tools/plugin/executors/jest (nx.json: "./node_modules/.boards:jest"). Run by the
// root `postinstall` (npm ci, npm install); idempotent.
//
// Why not name tools/plugin in nx.json: a plugin or executor that resolves to a file inside the
// workspace (outside node_modules) is treated as a local plugin's sources. For a plugin, Nx builds
// every project's configuration once more, before the real project graph, to look for the project
// that owns them (about 70 ms on every Nx command, a cached `nx run-many -t test` included). For an
// executor, Nx looks its implementation and schema up through the owning project's package exports,
// which loads the TypeScript compiler to read tsconfig.base.json's custom conditions: about 0.25 s
// of CPU in the Nx process and again in the process that runs the tests, on every `nx test`. An
// entry under node_modules is loaded as it is. The paths are relative, so a copy of the workspace
// with its node_modules (the bench's snapshot) loads its own tools/plugin.
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..', '..');
const dir = join(root, 'node_modules', '.boards');
const WRITTEN_BY = 'Written by tools/plugin/scripts/link-nx-plugin.js (npm postinstall)';

/** tools/plugin/executors.json, its paths made relative to node_modules/.boards. */
function executorsJson() {
  const { executors, ...rest } = JSON.parse(readFileSync(join(root, 'tools/plugin/executors.json'), 'utf8'));
  const toPlugin = (file) => file.replace(/^\.\//, '../../tools/plugin/');
  const moved = Object.fromEntries(
    Object.entries(executors).map(([name, executor]) => [
      name,
      Object.fromEntries(
        Object.entries(executor).map(([key, value]) => [key, ['implementation', 'batchImplementation', 'schema'].includes(key) ? toPlugin(value) : value]),
      ),
    ]),
  );
  return JSON.stringify({ ...rest, $comment: `${WRITTEN_BY}. Edit tools/plugin/executors.json instead.`, executors: moved }, null, 2) + '\n';
}

const files = {
  'nx-plugin.js': [
    `// ${WRITTEN_BY}; nx.json loads it. Edit tools/plugin/nx-plugin.js instead.`,
    "module.exports = require('../../tools/plugin/nx-plugin.js');",
    '',
  ].join('\n'),
  'package.json': JSON.stringify({ name: 'boards-nx-entries', private: true, description: WRITTEN_BY, executors: './executors.json' }, null, 2) + '\n',
  'executors.json': executorsJson(),
};

for (const [name, text] of Object.entries(files)) {
  const file = join(dir, name);
  let current;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== text) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
  }
}
