/**
 * Planted keys (environment, BOARDS_GENERATOR_API_KEYS, a .env file) must never show up in
 * anything a run shows: errors of every kind the real generators can raise against the
 * emulator, logs, progress, results and stored files, the budget ledger and cost lines,
 * the live run summary and the emulator's request log (the `boards` CLI's output: secrets.integration.test.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emulatorVariables, KEYS_JSON_VARIABLE, keyVariable, knownKeyVariables, loadKeys, resolveSettings } from '@boards/config';
import { BoardsError, effectiveLifecycleStatus, type AnyGenerator, type BoardsSettings, type GeneratorResult } from '@boards/core';
import { RunLedger } from '@boards/cost';
import type { EmulatedProvider, Emulator, FaultSpec, RecordedRequest } from '@boards/emulator';
import { createTestContext, scopedToTest, useEmulator, type TestContextOptions } from '@boards/testing';
import { renderSummary, summarizeRun } from '@boards/catalogue';
import { plantSources } from '../test-support/planted-sources';
import { discoverGenerators, generatorSnapshots } from './workspace';

// One provider's key travels in the JSON setting, the others in the environment and .env.
const planted = plantSources('openai');
const { keys, shown, work, viaJson, viaDotenv, viaEnv } = planted;
const storeDir = join(work, 'store');
const generators = discoverGenerators().map((d) => d.generator);
const retired = (g: AnyGenerator) => effectiveLifecycleStatus(g.lifecycle) === 'retired';
const PROVIDERS = keys.providers.map((p) => p.name as EmulatedProvider);
const SOURCE_OF = new Map<string, string>([
  [viaJson.variable, KEYS_JSON_VARIABLE],
  ...viaDotenv.map((p): [string, string] => [p.variable, '.env']),
  ...viaEnv.map((p): [string, string] => [p.variable, 'environment']),
]);
const KEY_SETTINGS = [...knownKeyVariables(), KEYS_JSON_VARIABLE, 'BOARDS_ENV_FILE', 'BOARDS_GENERATION_TIMEOUT_MS'];
const savedEnv = new Map(KEY_SETTINGS.map((name) => [name, process.env[name]]));
let loaded: ReturnType<typeof loadKeys>;

beforeAll(() => {
  for (const name of KEY_SETTINGS) delete process.env[name];
  Object.assign(process.env, planted.env());
  loaded = loadKeys();
});

/** What the edge makes of the planted sources (this process's environment, the JSON setting, .env), with every base URL at `emulator`. */
function plantedSettings(emulator: Emulator): BoardsSettings {
  return resolveSettings({ env: { ...process.env, ...Object.fromEntries(emulatorVariables(emulator, { dummyKeys: 'never', env: {} })) } });
}

afterAll(() => {
  for (const [name, value] of savedEnv) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  planted.remove();
});

type Outcome = { ok: true; result: GeneratorResult } | { ok: false; error: unknown };

let emulatorNow: () => Emulator;

/** Generates with the planted settings, and records everything the generation showed: result or error, logs, progress, costs. */
async function attempt(label: string, generator: AnyGenerator, input: unknown = generator.cheapestInput, options: TestContextOptions = {}): Promise<Outcome> {
  const ctx = createTestContext({ generatorId: generator.id, storageRoot: storeDir, settings: plantedSettings(emulatorNow()), ...options });
  const outcome: Outcome = await generator.generate(input, ctx).then(
    (result) => ({ ok: true as const, result }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const where = `${label} ${generator.id}`;
  shown.add(`${where}: ${outcome.ok ? 'result' : 'error'}`, outcome.ok ? outcome.result : outcome.error);
  shown.add(`${where}: log`, ctx.logLines);
  shown.add(`${where}: progress`, ctx.progressEvents);
  shown.add(`${where}: actual cost`, ctx.actualCosts);
  return outcome;
}

const errorsOf = (outcomes: Outcome[]) => outcomes.flatMap((o) => (o.ok ? [] : [o.error]));

function expectNoLeak(): void {
  expect(shown.leaks(keys)).toEqual([]);
}

describe('planted keys never show up', () => {
  const emulator = useEmulator({ log: (line) => shown.add('emulator log', line), snapshots: generatorSnapshots() });
  emulatorNow = () => emulator.current;
  afterEach(() => shown.add('emulator request log', emulator.current.requests));

  it('loads the planted keys from all three sources', () => {
    expect(new Set(SOURCE_OF.values())).toEqual(new Set(['environment', KEYS_JSON_VARIABLE, '.env']));
    for (const p of keys.providers) expect(loaded.values[p.variable]).toBe(p.key);
    expect(loaded.sources).toMatchObject(Object.fromEntries(SOURCE_OF));
  });

  // Each sweep runs every generator at once (the workspace has dozens), in a beforeAll of its own;
  // each generator's outcome is then a test of its own, so a failure names the generator.
  describe('in results, logs, progress and stored files of successful generations', () => {
    let outcomes: Outcome[] = [];
    beforeAll(async () => {
      outcomes = await Promise.all(generators.map((g) => attempt('success', g)));
    }, 30_000);

    it.each(generators.map((g, i) => [g.id, i] as const))('%s', (_id, i) => {
      expect(outcomes[i].ok).toBe(!retired(generators[i]));
    });

    it('stores artifacts and shows no key anywhere', () => {
      expect(shown.addFiles('stored artifact', storeDir)).toBeGreaterThan(0);
      expectNoLeak();
    });
  });

  // Every fault at once, each scoped to its own test id (the emulator's x-boards-test-id): their
  // retries and backoffs overlap instead of adding up. Each case still meets only its own fault.
  const FAULTS: Array<[string, FaultSpec[]]> = [
    ['401 unauthorized', [{ provider: '*', kind: 'status', status: 401, times: Infinity }]],
    ['429 with Retry-After', [{ provider: '*', kind: 'status', status: 429, retryAfterSeconds: 0, times: Infinity }]],
    ['429 without Retry-After', [{ provider: '*', kind: 'status', status: 429, times: Infinity }]],
    ['500', [{ provider: '*', kind: 'status', status: 500, times: Infinity }]],
    ['503', [{ provider: '*', kind: 'status', status: 503, retryAfterSeconds: 0, times: Infinity }]],
    ['malformed JSON', [{ provider: '*', kind: 'malformed', times: Infinity }]],
    ['connection reset', [{ provider: '*', kind: 'reset', times: Infinity }]],
    ['failed job', PROVIDERS.map((provider): FaultSpec => ({ provider, kind: 'job-failed', times: Infinity }))],
    ['canceled job', PROVIDERS.map((provider): FaultSpec => ({ provider, kind: 'job-canceled', times: Infinity }))],
    ['output download 404', [{ provider: 'files', kind: 'not-found', times: Infinity }]],
    ['truncated output download', [{ provider: 'files', kind: 'truncated', times: Infinity }]],
  ];

  describe('in the typed errors of a provider', () => {
    const outcomesOf = new Map<string, Outcome[]>();
    let requests: RecordedRequest[] = [];
    beforeAll(async () => {
      emulator.current.clearRequests();
      emulator.current.clearFaults();
      emulator.current.setJobDurationMs(0);
      await Promise.all(
        FAULTS.map(async ([label, faults]) => {
          const testId = `secrets ${label}`;
          for (const fault of faults) emulator.current.injectFault({ ...fault, testId });
          outcomesOf.set(label, await scopedToTest(testId, () => Promise.all(generators.map((g) => attempt(label, g)))));
        }),
      );
      requests = [...emulator.current.requests];
      shown.add('emulator request log (faults)', requests);
    }, 30_000);

    it.each(FAULTS.map(([label]) => label))('%s', (label) => {
      const outcomes = outcomesOf.get(label) ?? [];
      expect(outcomes).toHaveLength(generators.length);
      const errors = errorsOf(outcomes);
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) expect(BoardsError.isInstance(error)).toBe(true);
      // Every request carried its case's test id, so each case met only its own fault.
      expect(requests.filter((r) => r.testId === undefined).map((r) => `${r.method} ${r.path}`)).toEqual([]);
      expect(requests.filter((r) => r.testId === `secrets ${label}`).length).toBeGreaterThan(0);
      expectNoLeak();
    });
  });

  // Timeouts and stops, both sweeps at once: every job and every OpenAI answer is slower than the deadline.
  describe('in timeout errors (a job or a response slower than the deadline) and cancellation errors', () => {
    let timedOut: Outcome[] = [];
    let aborted: Outcome[] = [];
    beforeAll(async () => {
      emulator.current.setJobDurationMs(10_000);
      emulator.current.injectFault({ provider: 'openai', kind: 'latency', latencyMs: 10_000, times: Infinity });
      const settings = { ...plantedSettings(emulator.current), generationTimeoutMs: 500 };
      [timedOut, aborted] = await Promise.all([
        Promise.all(generators.map((g) => attempt('timeout', g, g.cheapestInput, { settings }))),
        Promise.all(
          generators.map((g) => {
            const controller = new AbortController();
            setTimeout(() => controller.abort(), 300);
            return attempt('abort', g, g.cheapestInput, { signal: controller.signal });
          }),
        ),
      ]);
    }, 30_000);
    const codeOf = (outcome: Outcome) => (outcome.ok ? 'a result' : (outcome.error as BoardsError).code);

    it.each(generators.map((g, i) => [g.id, i] as const))('%s times out, or is refused as retired', (_id, i) => {
      expect(codeOf(timedOut[i])).toBe(retired(generators[i]) ? 'MODEL_RETIRED' : 'TIMEOUT');
    });

    // Kie has no cancel: a stop after its createTask was sent is CANCEL_UNCONFIRMED (the task may still bill).
    it.each(generators.map((g, i) => [g.id, i] as const))('%s is stopped, or is refused as retired', (_id, i) => {
      expect(codeOf(aborted[i])).toMatch(retired(generators[i]) ? /^MODEL_RETIRED$/ : /^(CANCELED|CANCEL_UNCONFIRMED)$/);
    });

    it('shows no key in any of them', () => {
      expect(errorsOf([...timedOut, ...aborted])).toHaveLength(2 * generators.length);
      expectNoLeak();
    });
  });

  it('in missing-key errors while the other providers have keys', async () => {
    const json = process.env[KEYS_JSON_VARIABLE];
    process.env[KEYS_JSON_VARIABLE] = JSON.stringify({ OTHER_SERVICE_TOKEN: keys.other });
    delete process.env[viaJson.variable];
    try {
      const keyless = generators.filter((g) => g.provider === viaJson.name && !retired(g));
      const errors = errorsOf(await Promise.all(keyless.map((g) => attempt('missing key', g))));
      expect(errors.map((e) => (e as BoardsError).code)).toEqual(keyless.map(() => 'MISSING_KEY'));
      expect(emulator.current.requestsFor(viaJson.name as EmulatedProvider)).toHaveLength(0);
    } finally {
      process.env[KEYS_JSON_VARIABLE] = json;
      process.env[viaJson.variable] = viaJson.key;
    }
    expectNoLeak();
  });

  it('in input validation errors, with a key pasted into a field', async () => {
    const pasted = [0, 1, 2].map((i) => keys.providers[i % keys.providers.length].key);
    const outcomes = await Promise.all(
      generators.flatMap((g) => {
        const first = Object.keys(g.cheapestInput as object)[0];
        return [
          attempt('invalid input', g, { ...(g.cheapestInput as object), api_key: pasted[0] }),
          attempt('invalid input', g, { ...(g.cheapestInput as object), [first]: { key: pasted[1] } }),
          attempt('invalid input', g, { [first]: 12, token: [pasted[2]] }),
        ];
      }),
    );
    for (const error of errorsOf(outcomes)) expect((error as BoardsError).code).toMatch(/^(INVALID_INPUT|MODEL_RETIRED)$/);
    expect(outcomes.every((o) => !o.ok)).toBe(true);
    expectNoLeak();
  });

  // The ledger's sweep (a cost line and a generation for every active generator) runs once; the
  // budget refusal and the live run summary are then tests of their own over what it recorded.
  describe('in the budget ledger, cost lines, budget refusals and the live run summary', () => {
    const runDir = join(work, 'live-run');
    const active = generators.filter((g) => !retired(g));
    let ledger: RunLedger;
    beforeAll(async () => {
      ledger = new RunLedger(runDir);
      const roomy = { limitMicros: 1_000_000_000, source: 'test', allowUnknown: true };
      for (const g of active) shown.add('cost line', (await ledger.reserve(g.id, g.estimateCost(g.cheapestInput), roomy, 'emulator')).costLine);
      // The generations themselves all at once (dozens of generators), each cost recorded as it ends.
      await Promise.all(
        active.map(async (g) => {
          const ctx = createTestContext({ generatorId: g.id, storageRoot: storeDir, settings: plantedSettings(emulator.current) });
          await g.generate(g.cheapestInput, ctx);
          for (const cost of ctx.actualCosts) ledger.recordActual({ generatorId: g.id, ...cost, at: new Date().toISOString() });
        }),
      );
    }, 30_000);

    it('in cost lines and a budget refusal', async () => {
      const refused = await ledger
        .reserve(
          active[0].id,
          active[0].estimateCost(active[0].cheapestInput),
          { limitMicros: 1, source: 'BOARDS_LIVE_BUDGET_USD', allowUnknown: false },
          'live',
        )
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect((refused as BoardsError).code).toBe('BUDGET_EXCEEDED');
      shown.add('budget refusal', refused);
      expectNoLeak();
    });

    it('in the live run summary of failing live tests', async () => {
      // What a failing live test leaves for the summary: the first line of a real provider error.
      emulator.current.injectFault({ provider: '*', kind: 'status', status: 401, times: Infinity });
      const outcomes = await Promise.all(active.map((g) => attempt('summary', g)));
      const firstErrors = outcomes.map((outcome) => (outcome.ok ? undefined : String((outcome.error as Error).message).split('\n')[0]));
      mkdirSync(join(runDir, 'results'), { recursive: true });
      active.forEach((g, i) => {
        const tests = [
          { title: `${g.id} live generates`, status: 'failed', error: firstErrors[i] },
          { title: `skipped: ${keyVariable(g.provider)} not set`, status: 'skipped', reason: `${keyVariable(g.provider)} not set` },
        ];
        writeFileSync(join(runDir, 'results', `${g.id}.json`), JSON.stringify({ project: g.id, tests }));
      });
      const summary = summarizeRun(runDir, Object.fromEntries(active.map((g) => [g.id, 'failure'])), 'emulator');
      const rendered = renderSummary(summary);
      expect(rendered).toContain('live_api_test_cost generator=');
      expect(summary.generators.every((g) => g.errors.length === 1)).toBe(true);
      shown.add('run summary', summary);
      shown.add('rendered run summary', rendered);
      shown.addFiles('live run directory', runDir);
      expectNoLeak();
    });
  });
});
