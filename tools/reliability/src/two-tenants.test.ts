/**
 * Settings are values: two tenants of one process, each with its own keys and its own provider
 * (an emulator apiece), generate at the same time with one active generator of every provider.
 * Each emulator must see only its tenant's keys, and nothing may write process.env: it is frozen
 * for the run, so a write throws inside the generation that made it (and fails it).
 */
import { effectiveLifecycleStatus, providerNames, type AnyGenerator, type BoardsSettings } from '@boards/core';
import { startEmulator, type Emulator } from '@boards/emulator';
import { createTestContext, credentialFingerprint } from '@boards/testing';
import { discoverGenerators, generatorSnapshots } from './workspace';

/** The first active generator of each provider: every adapter takes part. */
const generators = [
  ...new Map(
    discoverGenerators()
      .map((d) => d.generator)
      .filter((g) => effectiveLifecycleStatus(g.lifecycle) !== 'retired')
      .map((g): [string, AnyGenerator] => [g.provider, g])
      .reverse(),
  ).values(),
];

interface Tenant {
  emulator: Emulator;
  /** Its key of each provider, distinct from the other tenant's. */
  keys: Record<string, string>;
  settings: BoardsSettings;
}

/** What a program hands a tenant's generations: plain values, one key and base URL per provider. */
async function tenant(name: string): Promise<Tenant> {
  const emulator = await startEmulator({ snapshots: generatorSnapshots() });
  // fal's key is an id and a secret; the others take any token.
  const keys = Object.fromEntries(providerNames().map((p) => [p, `${name}-${p}-id:${name}-tenant-secret-0001`]));
  const providers = Object.fromEntries(providerNames().map((p) => [p, { apiKey: keys[p], baseUrl: emulator.baseUrls[p] }]));
  return { emulator, keys, settings: { providers } };
}

/** process.env for the run: reads answer as before; any write throws. */
function frozen(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const refuse =
    (what: string) =>
    (_: object, key: string | symbol): never => {
      throw new Error(`process.env ${what} ${String(key)} during a generation`);
    };
  return new Proxy<NodeJS.ProcessEnv>({ ...env }, { set: refuse('set'), deleteProperty: refuse('delete'), defineProperty: refuse('define') });
}

let tenants: Tenant[] = [];
beforeAll(async () => {
  tenants = await Promise.all([tenant('alpha'), tenant('bravo')]);
});
afterAll(() => Promise.all(tenants.map((t) => t.emulator.stop())));

it("two tenants generate at once, each emulator sees only its own tenant's keys, and process.env is never written", async () => {
  expect(generators.map((g) => g.provider).sort()).toEqual([...providerNames()].sort());
  const before = { ...process.env };
  const env = process.env;
  process.env = frozen(before);
  try {
    const runs = tenants.flatMap((t) => generators.map((g) => g.generate(g.cheapestInput, createTestContext({ generatorId: g.id, settings: t.settings }))));
    const results = await Promise.all(runs);
    for (const result of results) expect(result.artifacts.length).toBeGreaterThan(0);
  } finally {
    process.env = env;
  }
  expect(process.env).toEqual(before);
  for (const t of tenants) {
    const seen = new Set(t.emulator.requests.flatMap((r) => (r.credential ? [r.credential] : [])));
    expect(seen).toEqual(new Set(Object.values(t.keys).map(credentialFingerprint)));
    for (const p of providerNames()) expect(t.emulator.requests.filter((r) => r.provider === p).length).toBeGreaterThan(0);
  }
});
