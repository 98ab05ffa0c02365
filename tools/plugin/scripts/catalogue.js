#!/usr/bin/env node
// The generator catalogue table, built from the generator packages themselves.
//   node tools/plugin/scripts/catalogue.js           print it
//   node tools/plugin/scripts/catalogue.js --write   rewrite tools/plugin/CATALOGUE.generated.md and README.md's block
//   node tools/plugin/scripts/catalogue.js --check   exit 1 with the difference when either is stale
// Sources are TypeScript; @swc-node/register compiles them on load.
const { resolve } = require('node:path');
require('../../register-sources');
const { runCatalogueCommand } = require('../src/catalogue/command.ts');

const workspaceRoot = resolve(__dirname, '../../..');
process.exitCode = runCatalogueCommand(process.argv.slice(2), workspaceRoot, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
