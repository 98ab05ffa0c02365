#!/usr/bin/env node
// A model's snapshot seeded offline by its adapter's seeder (a scaffold/seed.ts next to its starter;
// fal's reads the fal client's endpoint types). No network.
//   node tools/plugin/scripts/seed-snapshot.js <provider> <model>                       print it
//   node tools/plugin/scripts/seed-snapshot.js <provider> <model> --out <snapshot.json>  write it
//   node tools/plugin/scripts/seed-snapshot.js <provider> --list                        every model it can seed
// `nx g @boards/tools:generator --provider=<p> --model=<id>` seeds the same way; `boards drift --update <generator>`
// later replaces a seeded snapshot with the document the provider publishes.
const { writeFileSync } = require('node:fs');
require('../../register-sources');
const { providerDescriptors } = require('@boards/core');
const { seederOf } = require('../src/generators/generator/seeder.ts');

const args = process.argv.slice(2);
const at = args.indexOf('--out');
const out = at >= 0 ? args[at + 1] : undefined;
const [provider, model] = args.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
const usage = 'usage: seed-snapshot.js <provider> <model> [--out <snapshot.json>] | <provider> --list';
try {
  const descriptor = providerDescriptors().find((d) => d.name === provider);
  const seeder = descriptor?.scaffold && seederOf(descriptor.scaffold);
  const seedable = providerDescriptors().filter((d) => d.scaffold && seederOf(d.scaffold));
  if (!seeder) {
    process.stderr.write(
      `${usage}\n<provider>: ${JSON.stringify(provider ?? '')} has no seeder; providers with one: ${seedable.map((d) => d.name).join(', ')}\n`,
    );
    process.exitCode = 2;
  } else if (args.includes('--list')) {
    process.stdout.write(`${seeder.seedableModels().join('\n')}\n`);
  } else if (!model || (at >= 0 && !out)) {
    process.stderr.write(`${usage}\n`);
    process.exitCode = 2;
  } else {
    const text = `${JSON.stringify(seeder.seedSnapshot(model), null, 2)}\n`;
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
  }
} catch (error) {
  process.stderr.write(`${error.message.replace(/^--model: /, '')}\n`);
  process.exitCode = 1;
}
