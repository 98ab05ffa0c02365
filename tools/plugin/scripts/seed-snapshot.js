#!/usr/bin/env node
// A fal endpoint's snapshot seeded offline from the fal client's endpoint types (no network):
//   node tools/plugin/scripts/seed-snapshot.js fal-ai/flux-2-pro                 print it
//   node tools/plugin/scripts/seed-snapshot.js fal-ai/flux-2-pro --out packages/flux-2-pro/snapshot.json
//   node tools/plugin/scripts/seed-snapshot.js --list                            every endpoint id the types know
// `nx g @boards/tools:generator --provider=fal --model=<id>` seeds the same way; `boards drift --update <generator>`
// later replaces a seeded snapshot with the document fal publishes.
const { writeFileSync } = require('node:fs');
require('../../register-sources');
const { seedFalSnapshot, falEndpointIds } = require('../src/snapshot/fal-seed.ts');

const args = process.argv.slice(2);
const at = args.indexOf('--out');
const out = at >= 0 ? args[at + 1] : undefined;
const endpoint = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
try {
  if (args.includes('--list')) {
    process.stdout.write(`${falEndpointIds().join('\n')}\n`);
  } else if (!endpoint || (at >= 0 && !out)) {
    process.stderr.write('usage: seed-snapshot.js <fal endpoint id> [--out <snapshot.json>] | --list\n');
    process.exitCode = 2;
  } else {
    const text = `${JSON.stringify(seedFalSnapshot(endpoint), null, 2)}\n`;
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
  }
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
