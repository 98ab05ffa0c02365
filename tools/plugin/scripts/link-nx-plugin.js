#!/usr/bin/env node
// Writes node_modules/.boards/nx-plugin.js, the entry nx.json names ("plugins"): one line that loads
// tools/plugin/nx-plugin.js. Run by the root `postinstall` (npm ci, npm install); idempotent.
//
// Why not name tools/plugin/nx-plugin.js in nx.json: a plugin that resolves to a file inside the
// workspace (outside node_modules) makes Nx build every project's configuration once more, before
// the real project graph, to look for a workspace project that might own the plugin's sources
// (about 70 ms on every Nx command, a cached `nx run-many -t test` included). A plugin entry under
// node_modules is loaded as it is. The path is relative, so a copy of the workspace with its
// node_modules (the bench's snapshot) loads its own tools/plugin.
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..', '..');
const dir = join(root, 'node_modules', '.boards');
const file = join(dir, 'nx-plugin.js');
const text = [
  '// Written by tools/plugin/scripts/link-nx-plugin.js (npm postinstall); nx.json loads it. Edit tools/plugin/nx-plugin.js instead.',
  "module.exports = require('../../tools/plugin/nx-plugin.js');",
  '',
].join('\n');

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
