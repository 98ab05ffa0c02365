import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  CanceledError,
  CancelUnconfirmedError,
  InputValidationError,
  isKnownPrice,
  ProviderError,
  providerNames,
  requireProvider,
  type AnyGenerator,
} from '@boards/core';
import { providerInputSchema, referenceSnapshots, type EmulatedProvider } from '@boards/emulator';
import { compareSchemas, factsFromRules, formatDrifts, generatorFacts } from './drift';
import { createTestContext } from './test-context';
import { useEmulator } from './emulator-env';
import { testPackageSnapshots } from './emulator-snapshots';
import { fuzzGeneratorInput } from './fuzz';
import { runReplaySuite } from './replay';

export interface ConformanceOptions {
  /** A valid input. Default: the generator's cheapestInput. */
  validInput?: Record<string, unknown>;
  /** Inputs the schema must refuse, each with the field the error must name. */
  invalidInputs: Array<{ input: unknown; field: string }>;
  /**
   * Whether the provider has a job that can be canceled (a prediction, a queue request). Default:
   * its descriptor's `cancelable`. A synchronous call has none: aborting drops the request.
   */
  cancelableJob?: boolean;
}

/**
 * The tests every generator package runs. A package calls this in a few lines;
 * each test drives the real SDK against the emulator.
 */
export function runConformanceSuite(generator: AnyGenerator, options: ConformanceOptions): void {
  const valid = options.validInput ?? generator.cheapestInput;
  const provider = generator.provider as EmulatedProvider;
  const cancelable = options.cancelableJob ?? requireProvider(generator.provider).cancelable;

  describe(`${generator.id} conformance`, () => {
    const emulator = useEmulator();

    it('declares a strict contract', () => {
      expect(generator.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(providerNames()).toContain(generator.provider);
      expect(generator.price.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // An unknown price says why (never a guess, never $0).
      if (!isKnownPrice(generator.price)) expect(generator.price.reason.trim()).not.toBe('');
      expect(() => generator.parseInput({ ...valid, not_a_field_of_this_model: 1 })).toThrow(/not_a_field_of_this_model/);
    });

    it.each(options.invalidInputs.map((c) => [c.field, c.input]))('refuses bad %s before sending anything', async (field, input) => {
      const ctx = createTestContext({ settings: emulator.settings, generatorId: generator.id });
      const error = await generator.generate(input, ctx).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InputValidationError);
      expect((error as InputValidationError).fields).toContain(field);
      expect((error as Error).message).toContain(field);
      expect(emulator.current.requests).toHaveLength(0);
    });

    if (generator.lifecycle?.status === 'retired') {
      it('has no provider schema to drift from: the model is retired and the emulator does not serve it', () => {
        expect(providerInputSchema(provider, generator.model)).toBeUndefined();
      });
    } else {
      it("sends only what the provider's published input schema accepts (no schema drift)", () => {
        // The schema the emulator validates this test's requests with: the package's own snapshot, else the emulator's reference copy.
        const rules = providerInputSchema(provider, generator.model, [...referenceSnapshots(), ...testPackageSnapshots()]);
        if (!rules)
          throw new Error(
            `No snapshot of ${generator.provider} model ${generator.model} to validate against: store its published document as the package's snapshot.json (boards drift --update ${generator.id})`,
          );
        const drifts = compareSchemas(generatorFacts(generator), factsFromRules(rules), {
          generator: `generator ${generator.id}`,
          provider: `${generator.provider} ${generator.model}`,
        });
        if (drifts.length > 0) throw new Error(formatDrifts(generator, drifts, "the provider's published schema (snapshot)"));
        expect(drifts).toEqual([]);
      });
    }

    it('refuses fuzzed bad input with errors naming fields, sending nothing', async () => {
      const report = await fuzzGeneratorInput(generator, { emulator: emulator.current, runs: 200, validInput: valid });
      expect(report.rejected).toBeGreaterThan(0);
      expect(emulator.current.requests).toHaveLength(0);
    });

    if (isKnownPrice(generator.price)) {
      it('estimates a finite, non-negative cost for valid input', () => {
        const estimate = generator.estimateCost(valid);
        expect(estimate.known).toBe(true);
        if (estimate.known) {
          expect(Number.isFinite(estimate.micros)).toBe(true);
          expect(estimate.micros).toBeGreaterThanOrEqual(0);
        }
      });
    } else {
      it('estimates valid input as unknown, with a reason, since its price is unknown (never $0)', () => {
        const estimate = generator.estimateCost(valid);
        expect(estimate).toEqual({ known: false, reason: expect.any(String) });
        if (!estimate.known) expect(estimate.reason.trim()).not.toBe('');
      });
    }

    it(`stores ${generator.artifactType} artifacts produced through the provider API`, async () => {
      const ctx = createTestContext({ settings: emulator.settings, generatorId: generator.id });
      const result = await generator.generate(valid, ctx);
      expect(result.artifacts.length).toBeGreaterThan(0);
      for (const artifact of result.artifacts) {
        expect(artifact.type).toBe(generator.artifactType);
        const bytes = readFileSync(fileURLToPath(artifact.storageUrl));
        expect(bytes.length).toBe(artifact.sizeBytes);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(artifact.sha256);
      }
      expect(emulator.current.requestsFor(provider).length).toBeGreaterThan(0);
      const last = ctx.progressEvents[ctx.progressEvents.length - 1];
      expect(last).toMatchObject({ progress: 1, phase: 'done' });
    });

    it('surfaces provider failures as typed errors with status and request id', async () => {
      emulator.current.injectFault({ provider, kind: 'status', status: 503, retryAfterSeconds: 0, times: Infinity });
      const ctx = createTestContext({ settings: emulator.settings, generatorId: generator.id });
      const error = await generator.generate(valid, ctx).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ provider: generator.provider, status: 503, code: 'PROVIDER_ERROR' });
      expect((error as ProviderError).requestId).toEqual(expect.any(String));
    });

    it(cancelable ? 'cancels the provider job when aborted' : 'abandons the request when aborted', async () => {
      // A job far longer than any hold of the submit: it is still queued when the abort comes.
      emulator.current.setJobDurationMs(600_000);
      const controller = new AbortController();
      const ctx = createTestContext({
        settings: emulator.settings,
        generatorId: generator.id,
        signal: controller.signal,
        onProviderJob: () => controller.abort(),
      });
      if (!cancelable) emulator.current.injectFault({ provider, kind: 'latency', latencyMs: 30_000, times: Infinity });
      const sent = emulator.current.nextRequest(cancelable ? { provider, operation: 'submit' } : { provider });
      const outcome = generator.generate(valid, ctx).then(
        () => undefined,
        (e: unknown) => e,
      );
      await sent;
      // A blocking create may hold its answer up to 60 s: that time passes on the emulator's clock,
      // not the wall clock. The answer names the job, and the abort cancels it.
      if (cancelable) emulator.current.advanceClock(60_000);
      // The request is in flight (its answer held back 30 s): abort now.
      else controller.abort();
      const error = await outcome;
      // Abandoning a request that may have created a job (one the provider cannot cancel) is not a cancel: it may still bill.
      if (cancelable) expect(error).toBeInstanceOf(CanceledError);
      else expect([CanceledError, CancelUnconfirmedError].some((type) => error instanceof type)).toBe(true);
      if (cancelable) {
        expect(ctx.providerJobs).toHaveLength(1);
        const cancels = emulator.current.requestsFor(provider).filter((r) => r.operation === 'cancel');
        expect(cancels).toHaveLength(1);
        expect(cancels[0].path).toContain(ctx.providerJobs[0].jobId);
      }
    });
  });
  runReplaySuite(generator);
}
