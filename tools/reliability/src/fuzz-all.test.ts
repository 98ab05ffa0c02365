import { z } from 'zod';
import { InputValidationError, defineGenerator, type AnyGenerator } from '@boards/core';
import { useEmulator } from '@boards/testing';
import { fuzzGeneratorInput, fuzzedInputs } from '@boards/testing';
import fc from 'fast-check';
import { discoverGenerators, generatorSnapshots } from './workspace';

const RUNS = 1000;
const PARTS = 2;
const generators = discoverGenerators();

describe('fuzzed bad input, every generator of the workspace', () => {
  const emulator = useEmulator({ snapshots: generatorSnapshots() });

  it('finds the generator packages', () => {
    expect(generators.map((g) => g.id)).toEqual(expect.arrayContaining(['flux-pro', 'nano-banana', 'whisper']));
  });

  // RUNS for each generator, in PARTS tests of their own seed each (a part stays well under a second).
  it.each(generators.flatMap((g) => Array.from({ length: PARTS }, (_, part) => [g.id, part + 1, g.generator] as const)))(
    '%s refuses bad input naming real fields, and sends nothing (part %i)',
    async (_id, _part, generator) => {
      const runs = RUNS / PARTS;
      const report = await fuzzGeneratorInput(generator, { emulator: emulator.current, runs });
      expect(report.accepted + report.rejected).toBeGreaterThanOrEqual(runs);
      // Both outcomes were exercised: the fuzzer is neither all-valid nor all-junk.
      expect(report.rejected).toBeGreaterThan(runs * 0.3);
      expect(report.accepted).toBeGreaterThan(0);
    },
  );
});

describe('fuzz seeds that once crashed the harness itself', () => {
  const emulator = useEmulator({ snapshots: generatorSnapshots() });
  const byId = (id: string) => generators.find((g) => g.id === id)?.generator as AnyGenerator;

  // Seed 11 deleted an index of a Uint8Array, seed 14 one of a boxed String ("Cannot delete property '0'").
  it.each([11, 14])('nano-banana-edit, 300 runs, seed %i', async (seed) => {
    const report = await fuzzGeneratorInput(byId('nano-banana-edit'), { emulator: emulator.current, runs: 300, seed });
    expect(report.seed).toBe(seed);
    expect(report.rejected).toBeGreaterThan(0);
  });

  // Seed 607 set an element of a typed array to an object without a primitive value
  // ("Cannot convert object to primitive value" from Reflect.defineProperty).
  it('gpt-image-2 inputs, 200 samples, seed 607', () => {
    const generator = byId('gpt-image-2');
    const samples = fc.sample(fuzzedInputs(generator.cheapestInput, generator.inputSchema), { seed: 607, numRuns: 200 });
    expect(samples).toHaveLength(200);
  });
});

describe('the input fuzzer catches broken generators', () => {
  const emulator = useEmulator({ snapshots: generatorSnapshots() });
  const base = {
    title: 't',
    description: 't',
    provider: 'replicate' as const,
    model: 'owner/model',
    artifactType: 'image' as const,
    price: { usd: '0.01', unit: 'image' as const, checkedOn: '2026-11-22' },
    cheapestInput: { prompt: 'a cat', steps: 4 },
    estimateCost: () => ({ known: true as const, micros: 10_000, basis: '1 image' }),
    run: async () => ({ artifacts: [] }),
  };
  const schema = z.strictObject({ prompt: z.string().min(1), steps: z.number().int().min(1).max(50) });

  it('one that calls the provider before validating', async () => {
    const valid = defineGenerator({ ...base, id: 'sends-first', inputSchema: schema });
    const broken: AnyGenerator = {
      ...valid,
      async generate(raw, ctx) {
        await fetch(`${emulator.current.replicateBaseUrl}/models/owner/model`).catch(() => undefined);
        return valid.generate(raw, ctx);
      },
    };
    await expect(fuzzGeneratorInput(broken, { emulator: emulator.current, runs: 50 })).rejects.toThrow(/emulator received 1 request/);
  });

  it('one whose validation throws something other than InputValidationError', async () => {
    const throwing = z.strictObject({ prompt: z.string(), steps: z.any().transform((v: { toFixed(): string }) => v.toFixed()) });
    const broken = defineGenerator({ ...base, id: 'type-error', inputSchema: throwing });
    await expect(fuzzGeneratorInput(broken, { emulator: emulator.current, runs: 200 })).rejects.toThrow(/parseInput threw TypeError/);
  });

  it('one whose error names a field the input does not have', async () => {
    const valid = defineGenerator({ ...base, id: 'invented-field', inputSchema: schema });
    const broken: AnyGenerator = {
      ...valid,
      parseInput(raw) {
        try {
          return valid.parseInput(raw);
        } catch {
          throw new InputValidationError('invented-field', [{ field: 'num_inference_steps', message: 'bad' }]);
        }
      },
    };
    await expect(fuzzGeneratorInput(broken, { emulator: emulator.current, runs: 200 })).rejects.toThrow(/names "num_inference_steps"/);
  });

  it('one whose refusal names no field', async () => {
    const valid = defineGenerator({ ...base, id: 'no-field', inputSchema: schema });
    const broken: AnyGenerator = {
      ...valid,
      parseInput(raw) {
        try {
          return valid.parseInput(raw);
        } catch {
          throw new InputValidationError('no-field', []);
        }
      },
    };
    await expect(fuzzGeneratorInput(broken, { emulator: emulator.current, runs: 200 })).rejects.toThrow(/names no field/);
  });
});
