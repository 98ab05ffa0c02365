// Two tenants of one program: flux-pro (packages/flux-pro, through its public API) generates once
// per tenant, at the same time, each tenant's generator owning its Replicate key and base URL as
// settings values. Nothing is read from or written to process.env for them. One JSON line per
// generation on stdout; exit 1 when any fails, 2 on bad arguments.
// Usage: node tools/consumer/two-tenants.mjs <urlA> <keyA> <urlB> <keyB>
//   (each url a Replicate base URL, e.g. an emulator's http://127.0.0.1:PORT/replicate/v1)
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
// The workspace's TypeScript, compiled on load, as the `boards` bin runs it.
require('../register-sources');
const { fluxPro } = require('@boards/flux-pro');
const { createGeneratorContext, withSettings } = require('@boards/core');
const { LocalArtifactStore } = require('@boards/storage');

const [urlA, keyA, urlB, keyB] = process.argv.slice(2);
if (!urlA || !keyA || !urlB || !keyB) {
  process.stderr.write('usage: node tools/consumer/two-tenants.mjs <urlA> <keyA> <urlB> <keyB>\n');
  process.exit(2);
}
const tenants = [
  { tenant: 'A', baseUrl: urlA, apiKey: keyA },
  { tenant: 'B', baseUrl: urlB, apiKey: keyB },
];
const store = new LocalArtifactStore({ root: mkdtempSync(join(tmpdir(), 'two-tenants-')) });

async function generateFor({ tenant, baseUrl, apiKey }) {
  // A generator this tenant owns: the package's flux-pro, bound to the tenant's key and base URL.
  const generator = withSettings(fluxPro, { providers: { replicate: { apiKey, baseUrl } } });
  const context = createGeneratorContext({ generatorId: generator.id, store });
  const { artifacts, providerJobId } = await generator.generate(generator.cheapestInput, context);
  const stored = artifacts.map(({ type, mimeType, width, height, sizeBytes, sha256, storageUrl }) => ({
    type,
    mimeType,
    width,
    height,
    sizeBytes,
    sha256,
    storageUrl,
  }));
  return { tenant, generator: generator.id, baseUrl, artifacts: stored, providerJobId };
}

const outcomes = await Promise.allSettled(tenants.map(generateFor));
let failed = 0;
outcomes.forEach((outcome, i) => {
  if (outcome.status === 'fulfilled') return void process.stdout.write(`${JSON.stringify(outcome.value)}\n`);
  failed++;
  // Core's errors are redacted (the keys given are registered as secrets when used); code and message only.
  const { code = 'UNEXPECTED', message = String(outcome.reason) } = outcome.reason ?? {};
  process.stdout.write(`${JSON.stringify({ tenant: tenants[i].tenant, generator: fluxPro.id, error: { code, message } })}\n`);
});
// Exit at once: SDK keep-alive sockets must not hold the process open after the answers.
process.exit(failed ? 1 : 0);
