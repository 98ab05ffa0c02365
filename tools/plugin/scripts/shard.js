#!/usr/bin/env node
// Splits the affected test projects into CI shards (see tools/plugin/src/ci/shard.ts):
//   npx nx show projects --affected -t test --json | node tools/plugin/scripts/shard.js --shards 3 --github-output >> "$GITHUB_OUTPUT"
require('@swc-node/register');
const { readFileSync } = require('node:fs');
const { runShardCommand } = require('../src/ci/shard.ts');

const { code, out } = runShardCommand(process.argv.slice(2), readFileSync(0, 'utf8'));
(code === 0 ? process.stdout : process.stderr).write(`${out}\n`);
process.exitCode = code;
