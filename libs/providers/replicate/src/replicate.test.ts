import { CanceledError, CancelUnconfirmedError, GenerationFailedError, MissingKeyError, ProviderError, recordingSleep, TimeoutError } from '@boards/core';
import {
  createTestContext,
  describeDownloadFaults,
  describeKeySources,
  testImageSpec,
  useEmulator,
  withFixedAnswer,
  type TestContext,
  type TestContextOptions,
} from '@boards/testing';
import { runReplicatePrediction } from './replicate-prediction';
import { replicateOptionsFor, type ReplicateAdapterOptions } from './replicate-client';
import { defineReplicateGenerator } from './replicate-generator';

const MODEL = 'black-forest-labs/flux-schnell';
const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 } };
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

const image = defineReplicateGenerator({ ...testImageSpec('replicate-test-image', MODEL), adapter: fast });

describe('replicate adapter', () => {
  const emulator = useEmulator();
  const context = (options: TestContextOptions = {}) => createTestContext({ settings: emulator.settings, ...options });
  /** The prediction loop with the options the generator definer hands it: resolved from the context's settings. */
  const predict = (input: Record<string, unknown>, ctx: TestContext, options: ReplicateAdapterOptions = {}) =>
    runReplicatePrediction(MODEL, input, ctx, replicateOptionsFor(ctx, options));
  const submits = () => emulator.current.requestsFor('replicate').filter((r) => r.operation === 'submit');
  const count = (operation: string) => emulator.current.requestsFor('replicate').filter((r) => r.operation === operation).length;
  /** Resolves once the emulator has received `n` Replicate requests of `operation`: the tests act on events, not timers. */
  const received = async (operation: string, n = 1) => {
    while (count(operation) < n) await emulator.current.nextRequest({ provider: 'replicate', operation });
  };

  it('finishes inside the blocking create without polling', async () => {
    const ctx = context();
    const prediction = await predict({ prompt: 'a' }, ctx, fast);
    expect(prediction.status).toBe('succeeded');
    expect(emulator.current.requestsFor('replicate').map((r) => r.operation)).toEqual(['submit']);
    expect(ctx.providerJobs).toEqual([{ provider: 'replicate', jobId: prediction.id }]);
    expect(ctx.actualCosts[0].reported).toMatch(/^predict_time=/);
  });

  it('sends every request, the output download included, through the fetch of its settings', async () => {
    const seen: string[] = [];
    const counting: typeof fetch = (input, init) => {
      seen.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
      return fetch(input, init);
    };
    await image.generate({ prompt: 'x' }, context({ settings: { ...emulator.settings, fetch: counting } }));
    expect(seen).toEqual([expect.stringMatching(/\/predictions$/), expect.stringMatching(/^\/files\//)]);
    expect(emulator.current.requests).toHaveLength(2);
  });

  it('ends with a cost derived from what the prediction made (2 images x the price), not left at the estimate', async () => {
    // The estimate of 1 image at $0.003 (its rate, as @boards/cost's estimateFromPrice records it); the model makes 2.
    const priced = defineReplicateGenerator({
      ...testImageSpec('replicate-priced', MODEL),
      toProviderInput: (input) => ({ ...input, num_outputs: 2 }),
      estimateCost: () => ({ known: true, micros: 3_000, basis: '1 image x $0.003', rate: { unit: 'image', micros: 3_000 } }),
      adapter: fast,
    });
    const ctx = context();
    await priced.generate({ prompt: 'x' }, ctx);
    expect(ctx.actualCosts).toEqual([
      {
        reported: expect.stringMatching(/^predict_time=[\d.]+s$/),
        billed: [
          { unit: 'second', quantity: expect.any(Number), what: 'predict_time' },
          { unit: 'image', quantity: 2, what: 'output files' },
        ],
        micros: 6_000,
        source: 'derived',
        basis: '2 image (output files) x $0.003',
      },
    ]);
  });

  it('polls with backoff when the job outlasts the blocking wait, reporting progress', async () => {
    // The job and the create's 1 s hold run on the emulator's clock, moved on by the test.
    emulator.current.setJobDurationMs(30_000);
    const ctx = context();
    const [prediction] = await Promise.all([
      predict({ prompt: 'a' }, ctx, { ...fast, waitSeconds: 1, pollIntervalMs: 20 }),
      (async () => {
        await received('submit');
        emulator.current.advanceClock(10_000); // the hold runs out with the job running: 202, then polls
        await received('get');
        emulator.current.advanceClock(30_000); // the job ends: a poll sees it succeeded
      })(),
    ]);
    expect(prediction.status).toBe('succeeded');
    expect(emulator.current.requestsFor('replicate').filter((r) => r.operation === 'get').length).toBeGreaterThan(0);
    expect(ctx.progressEvents.map((e) => e.phase)).toContain('running');
  });

  it('retries a 429 on create after Retry-After (not yet billed)', async () => {
    emulator.current.injectFault({ provider: 'replicate', operation: 'submit', kind: 'status', status: 429, retryAfterSeconds: 1 });
    // The wait is recorded, not spent.
    const { sleep, delays } = recordingSleep();
    const prediction = await predict({ prompt: 'a' }, context(), { retry: { ...fast.retry, sleep } });
    expect(prediction.status).toBe('succeeded');
    expect(submits()).toHaveLength(2);
    expect(delays).toEqual([1000]);
  });

  it('retries a 429 without Retry-After with its own backoff', async () => {
    emulator.current.injectFault({ provider: 'replicate', operation: 'submit', kind: 'status', status: 429, times: 2 });
    const { sleep, delays } = recordingSleep();
    await predict({ prompt: 'a' }, context(), { retry: { baseDelayMs: 100, maxDelayMs: 100, sleep } });
    expect(submits()).toHaveLength(3);
    // Backoff with jitter: half to all of 100 ms, each time.
    expect(delays).toHaveLength(2);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(50);
      expect(delay).toBeLessThanOrEqual(100);
    }
  });

  it.each([500, 502, 503])('does not re-submit after a %i on create (the job may exist): typed error with request id', async (status) => {
    emulator.current.injectFault({ provider: 'replicate', operation: 'submit', kind: 'status', status });
    const error = await failure(predict({ prompt: 'a' }, context(), fast));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'replicate', status, requestId: expect.any(String) });
    expect(submits()).toHaveLength(1);
  });

  it('does not re-submit after a connection reset on create', async () => {
    emulator.current.injectFault({ provider: 'replicate', operation: 'submit', kind: 'reset' });
    const error = await failure(predict({ prompt: 'a' }, context(), fast));
    expect(error).toBeInstanceOf(ProviderError);
    expect(submits()).toHaveLength(1);
  });

  it('retries polls through 5xx, resets and malformed JSON', async () => {
    emulator.current.setJobDurationMs(30_000);
    emulator.current.injectFault({ provider: 'replicate', operation: 'get', kind: 'status', status: 502 });
    emulator.current.injectFault({ provider: 'replicate', operation: 'get', kind: 'reset' });
    emulator.current.injectFault({ provider: 'replicate', operation: 'get', kind: 'malformed' });
    const [prediction] = await Promise.all([
      predict({ prompt: 'a' }, context(), { ...fast, waitSeconds: 1, pollIntervalMs: 20 }),
      (async () => {
        await received('submit');
        emulator.current.advanceClock(10_000); // the hold runs out with the job running: polls begin
        await received('get', 4); // a 502, a reset, malformed JSON, then an answer
        emulator.current.advanceClock(30_000); // the job ends
      })(),
    ]);
    expect(prediction.status).toBe('succeeded');
    expect(count('get')).toBeGreaterThanOrEqual(4);
  });

  it('reports malformed JSON on create as a typed error with status and request id', async () => {
    emulator.current.injectFault({ provider: 'replicate', operation: 'submit', kind: 'malformed' });
    const error = await failure(predict({ prompt: 'a' }, context(), fast));
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', status: 200, requestId: expect.any(String) });
  });

  it('turns a failed prediction into GenerationFailedError with the prediction id', async () => {
    emulator.current.injectFault({ provider: 'replicate', kind: 'job-failed' });
    const ctx = context();
    const error = await failure(predict({ prompt: 'a' }, ctx, fast));
    expect(error).toBeInstanceOf(GenerationFailedError);
    expect((error as GenerationFailedError).jobId).toBe(ctx.providerJobs[0].jobId);
  });

  it('turns a prediction canceled elsewhere into CanceledError', async () => {
    emulator.current.injectFault({ provider: 'replicate', kind: 'job-canceled' });
    await expect(predict({ prompt: 'a' }, context(), fast)).rejects.toBeInstanceOf(CanceledError);
  });

  it('cancels the prediction when the deadline passes, and says so', async () => {
    emulator.current.setJobDurationMs(30_000);
    const ctx = context();
    const outcome = failure(predict({ prompt: 'a' }, ctx, { ...fast, waitSeconds: 1, timeoutMs: 300, pollIntervalMs: 20 }));
    await received('submit');
    emulator.current.advanceClock(5_000); // the hold runs out: the prediction is named, polled until the deadline
    const error = await outcome;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 300 });
    expect((error as TimeoutError).jobId).toBe(ctx.providerJobs[0].jobId);
    expect(emulator.current.requestsFor('replicate').filter((r) => r.operation === 'cancel')).toHaveLength(1);
  });

  it('reports a cancel that comes after the prediction succeeded as completed-and-billed, not as a failed cancel', async () => {
    // The wait (1 s) runs out first; the cancel then reaches Replicate after the job ended.
    emulator.current.setJobDurationMs(30_000);
    emulator.current.injectFault({ provider: 'replicate', operation: 'cancel', kind: 'latency', latencyMs: 60_000 });
    const controller = new AbortController();
    const ctx = context({ signal: controller.signal, onProviderJob: () => controller.abort() });
    const outcome = failure(predict({ prompt: 'a' }, ctx, { ...fast, waitSeconds: 1 }));
    await received('submit');
    emulator.current.advanceClock(5_000); // the hold runs out: 202, the abort, the cancel
    await received('cancel');
    emulator.current.advanceClock(60_000); // the cancel is held while the job ends
    const error = await outcome;
    expect(error).toBeInstanceOf(CanceledError);
    expect((error as Error).message).toMatch(/had succeeded: it is billed and its output is kept at Replicate/);
    expect(ctx.logLines.filter((l) => l.startsWith('warn'))).toEqual([]);
  });

  it('gives up on a poll that hangs at the attempt deadline instead of waiting forever', async () => {
    emulator.current.setJobDurationMs(30_000);
    emulator.current.injectFault({ provider: 'replicate', operation: 'get', kind: 'hang', times: Infinity });
    const outcome = failure(
      predict({ prompt: 'a' }, context(), {
        retry: { baseDelayMs: 1, maxAttempts: 2, attemptTimeoutMs: 100 },
        waitSeconds: 1,
        pollIntervalMs: 20,
        timeoutMs: 10_000,
      }),
    );
    await received('submit');
    emulator.current.advanceClock(5_000); // the hold runs out: the polls (which hang) begin
    const error = await outcome;
    expect(error).toBeInstanceOf(TimeoutError);
    // The attempt's deadline, not the prediction's: two attempts, then the error.
    expect(error).toMatchObject({ timeoutMs: 100 });
    expect(count('get')).toBe(2);
  });

  it('a stop whose cancel the provider refuses is not a cancel: CancelUnconfirmedError names the prediction', async () => {
    emulator.current.setJobDurationMs(30_000);
    emulator.current.injectFault({ provider: 'replicate', operation: 'cancel', kind: 'status', status: 500, times: Infinity });
    const controller = new AbortController();
    const ctx = context({ signal: controller.signal });
    const outcome = failure(predict({ prompt: 'a' }, ctx, { ...fast, waitSeconds: 1, pollIntervalMs: 20 }));
    await received('submit');
    emulator.current.advanceClock(5_000); // the hold runs out: the prediction is named and polled
    await received('get');
    controller.abort(); // a stop while it polls
    const error = await outcome;
    expect(error).toBeInstanceOf(CancelUnconfirmedError);
    expect(error).toMatchObject({
      code: 'CANCEL_UNCONFIRMED',
      jobId: ctx.providerJobs[0].jobId,
      message: expect.stringMatching(/may still be running and billed/),
    });
  });

  it('one client, per-call signals: an abort during the blocking create does not cut it short, and the prediction it names is canceled', async () => {
    emulator.current.setJobDurationMs(30_000);
    const controller = new AbortController();
    const ctx = context({ signal: controller.signal });
    const outcome = failure(predict({ prompt: 'a' }, ctx, { ...fast, waitSeconds: 1, pollIntervalMs: 20 }));
    await received('submit');
    controller.abort(); // while the create is held
    emulator.current.advanceClock(5_000); // the hold runs out: the answer names the prediction
    const error = await outcome;
    expect(error).toBeInstanceOf(CanceledError);
    expect(ctx.providerJobs).toHaveLength(1);
    expect((error as CanceledError).jobId).toBe(ctx.providerJobs[0].jobId);
    const seen = emulator.current.requestsFor('replicate').map((r) => r.operation);
    expect(seen.filter((o) => o === 'submit')).toHaveLength(1);
    expect(seen.filter((o) => o === 'get')).toHaveLength(0);
    expect(seen.filter((o) => o === 'cancel')).toHaveLength(1);
  });

  it('one client, per-call retry: a cancel the provider keeps refusing is tried twice (its own policy), not maxAttempts times', async () => {
    emulator.current.setJobDurationMs(30_000);
    emulator.current.injectFault({ provider: 'replicate', operation: 'cancel', kind: 'status', status: 503, times: Infinity });
    const controller = new AbortController();
    const ctx = context({ signal: controller.signal, onProviderJob: () => controller.abort() });
    const outcome = failure(predict({ prompt: 'a' }, ctx, { retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 6 }, waitSeconds: 1 }));
    await received('submit');
    emulator.current.advanceClock(5_000); // the hold runs out: 202, the abort, the cancels
    const error = await outcome;
    expect(error).toBeInstanceOf(CancelUnconfirmedError);
    expect(emulator.current.requestsFor('replicate').filter((r) => r.operation === 'cancel')).toHaveLength(2);
  });

  it('refuses a create answer without a prediction id at once (never polls /predictions/undefined)', async () => {
    const error = await withFixedAnswer(201, { status: 'starting' }, async (base, seen) => {
      const outcome = await failure(predict({ prompt: 'a' }, context(), { ...fast, baseUrl: `${base}/v1`, timeoutMs: 3000 }));
      expect(seen()).toEqual(['POST /v1/models/black-forest-labs/flux-schnell/predictions']);
      return outcome;
    });
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).message).toMatch(/no prediction id/);
  });

  it('fails at once on a status it does not know, naming it, instead of polling it to the deadline', async () => {
    const error = await withFixedAnswer(201, { id: 'p1', status: 'queued' }, async (base, seen) => {
      const outcome = await failure(predict({ prompt: 'a' }, context(), { ...fast, baseUrl: `${base}/v1`, timeoutMs: 3000 }));
      expect(seen()).toEqual(['POST /v1/models/black-forest-labs/flux-schnell/predictions']);
      return outcome;
    });
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ jobId: 'p1', message: expect.stringContaining('"queued"') });
  });

  describeDownloadFaults(
    () => image,
    () => emulator.current,
  );

  it('names the missing variable and sends nothing when the settings hold no key', async () => {
    const settings = { providers: { replicate: { baseUrl: emulator.current.replicateBaseUrl } } };
    const error = await failure(image.generate({ prompt: 'x' }, createTestContext({ settings })));
    expect(error).toBeInstanceOf(MissingKeyError);
    expect((error as Error).message).toMatch(/^Missing REPLICATE_API_TOKEN/);
    expect(emulator.current.requests).toHaveLength(0);
  });

  describeKeySources(
    'replicate',
    () => emulator.current,
    (settings) => image.generate({ prompt: 'k' }, createTestContext({ settings })),
  );
});
