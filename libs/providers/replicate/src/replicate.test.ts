import { CanceledError, CancelUnconfirmedError, GenerationFailedError, MissingKeyError, ProviderError, TimeoutError } from '@boards/core';
import { createTestContext, describeDownloadFaults, describeKeySources, testImageSpec, useEmulator, withFixedAnswer } from '@boards/testing';
import { runReplicatePrediction } from './replicate-prediction';
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
  const submits = () => emulator.current.requestsFor('replicate').filter((r) => r.operation === 'submit');

  it('finishes inside the blocking create without polling', async () => {
    const ctx = createTestContext();
    const prediction = await runReplicatePrediction(MODEL, { prompt: 'a' }, ctx, fast);
    expect(prediction.status).toBe('succeeded');
    expect(emulator.current.requestsFor('replicate').map((r) => r.operation)).toEqual(['submit']);
    expect(ctx.providerJobs).toEqual([{ provider: 'replicate', jobId: prediction.id }]);
    expect(ctx.actualCosts[0].reported).toMatch(/^predict_time=/);
  });

  it('polls with backoff when the job outlasts the blocking wait, reporting progress', async () => {
    emulator.current.setJobDurationMs(1800);
    const ctx = createTestContext();
    const prediction = await runReplicatePrediction(MODEL, { prompt: 'a' }, ctx, { ...fast, pollIntervalMs: 50 });
    expect(prediction.status).toBe('succeeded');
    expect(emulator.current.requestsFor('replicate').filter((r) => r.operation === 'get').length).toBeGreaterThan(0);
    expect(ctx.progressEvents.map((e) => e.phase)).toContain('running');
  });

  it('retries a 429 on create after Retry-After (not yet billed)', async () => {
    emulator.current.injectFault({ provider: 'replicate', operation: 'submit', kind: 'status', status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const prediction = await runReplicatePrediction(MODEL, { prompt: 'a' }, createTestContext(), fast);
    expect(prediction.status).toBe('succeeded');
    expect(submits()).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries a 429 without Retry-After with its own backoff', async () => {
    emulator.current.injectFault({ provider: 'replicate', operation: 'submit', kind: 'status', status: 429, times: 2 });
    await runReplicatePrediction(MODEL, { prompt: 'a' }, createTestContext(), fast);
    expect(submits()).toHaveLength(3);
  });

  it.each([500, 502, 503])('does not re-submit after a %i on create (the job may exist): typed error with request id', async (status) => {
    emulator.current.injectFault({ provider: 'replicate', operation: 'submit', kind: 'status', status });
    const error = await failure(runReplicatePrediction(MODEL, { prompt: 'a' }, createTestContext(), fast));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'replicate', status, requestId: expect.any(String) });
    expect(submits()).toHaveLength(1);
  });

  it('does not re-submit after a connection reset on create', async () => {
    emulator.current.injectFault({ provider: 'replicate', operation: 'submit', kind: 'reset' });
    const error = await failure(runReplicatePrediction(MODEL, { prompt: 'a' }, createTestContext(), fast));
    expect(error).toBeInstanceOf(ProviderError);
    expect(submits()).toHaveLength(1);
  });

  it('retries polls through 5xx, resets and malformed JSON', async () => {
    emulator.current.setJobDurationMs(1500);
    emulator.current.injectFault({ provider: 'replicate', operation: 'get', kind: 'status', status: 502 });
    emulator.current.injectFault({ provider: 'replicate', operation: 'get', kind: 'reset' });
    emulator.current.injectFault({ provider: 'replicate', operation: 'get', kind: 'malformed' });
    const prediction = await runReplicatePrediction(MODEL, { prompt: 'a' }, createTestContext(), { ...fast, pollIntervalMs: 20 });
    expect(prediction.status).toBe('succeeded');
  });

  it('reports malformed JSON on create as a typed error with status and request id', async () => {
    emulator.current.injectFault({ provider: 'replicate', operation: 'submit', kind: 'malformed' });
    const error = await failure(runReplicatePrediction(MODEL, { prompt: 'a' }, createTestContext(), fast));
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', status: 200, requestId: expect.any(String) });
  });

  it('turns a failed prediction into GenerationFailedError with the prediction id', async () => {
    emulator.current.injectFault({ provider: 'replicate', kind: 'job-failed' });
    const ctx = createTestContext();
    const error = await failure(runReplicatePrediction(MODEL, { prompt: 'a' }, ctx, fast));
    expect(error).toBeInstanceOf(GenerationFailedError);
    expect((error as GenerationFailedError).jobId).toBe(ctx.providerJobs[0].jobId);
  });

  it('turns a prediction canceled elsewhere into CanceledError', async () => {
    emulator.current.injectFault({ provider: 'replicate', kind: 'job-canceled' });
    await expect(runReplicatePrediction(MODEL, { prompt: 'a' }, createTestContext(), fast)).rejects.toBeInstanceOf(CanceledError);
  });

  it('cancels the prediction when the deadline passes, and says so', async () => {
    emulator.current.setJobDurationMs(30_000);
    const ctx = createTestContext();
    const error = await failure(runReplicatePrediction(MODEL, { prompt: 'a' }, ctx, { ...fast, timeoutMs: 1500, pollIntervalMs: 50 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).jobId).toBe(ctx.providerJobs[0].jobId);
    expect(emulator.current.requestsFor('replicate').filter((r) => r.operation === 'cancel')).toHaveLength(1);
  });

  it('reports a cancel that comes after the prediction succeeded as completed-and-billed, not as a failed cancel', async () => {
    // The wait (1 s) runs out first; the cancel then reaches Replicate after the job ended.
    emulator.current.setJobDurationMs(1300);
    emulator.current.injectFault({ provider: 'replicate', operation: 'cancel', kind: 'latency', latencyMs: 400 });
    const controller = new AbortController();
    const ctx = createTestContext({ signal: controller.signal, onProviderJob: () => controller.abort() });
    const error = await failure(runReplicatePrediction(MODEL, { prompt: 'a' }, ctx, { ...fast, waitSeconds: 1 }));
    expect(error).toBeInstanceOf(CanceledError);
    expect((error as Error).message).toMatch(/had succeeded: it is billed and its output is kept at Replicate/);
    expect(ctx.logLines.filter((l) => l.startsWith('warn'))).toEqual([]);
  });

  it('gives up on a poll that hangs at the attempt deadline instead of waiting forever', async () => {
    emulator.current.setJobDurationMs(5000);
    emulator.current.injectFault({ provider: 'replicate', operation: 'get', kind: 'hang', times: Infinity });
    const error = await failure(
      runReplicatePrediction(MODEL, { prompt: 'a' }, createTestContext(), {
        retry: { baseDelayMs: 1, maxAttempts: 2, attemptTimeoutMs: 200 },
        timeoutMs: 3000,
      }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('a stop whose cancel the provider refuses is not a cancel: CancelUnconfirmedError names the prediction', async () => {
    emulator.current.setJobDurationMs(30_000);
    emulator.current.injectFault({ provider: 'replicate', operation: 'cancel', kind: 'status', status: 500, times: Infinity });
    const controller = new AbortController();
    const ctx = createTestContext({ signal: controller.signal, onProviderJob: () => setTimeout(() => controller.abort(), 20) });
    const error = await failure(runReplicatePrediction(MODEL, { prompt: 'a' }, ctx, { ...fast, waitSeconds: 1, pollIntervalMs: 20 }));
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
    const ctx = createTestContext({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await failure(runReplicatePrediction(MODEL, { prompt: 'a' }, ctx, { ...fast, waitSeconds: 1, pollIntervalMs: 20 }));
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
    const ctx = createTestContext({ signal: controller.signal, onProviderJob: () => controller.abort() });
    const error = await failure(
      runReplicatePrediction(MODEL, { prompt: 'a' }, ctx, { retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 6 }, waitSeconds: 1 }),
    );
    expect(error).toBeInstanceOf(CancelUnconfirmedError);
    expect(emulator.current.requestsFor('replicate').filter((r) => r.operation === 'cancel')).toHaveLength(2);
  });

  it('refuses a create answer without a prediction id at once (never polls /predictions/undefined)', async () => {
    const error = await withFixedAnswer(201, { status: 'starting' }, async (base, seen) => {
      const outcome = await failure(runReplicatePrediction(MODEL, { prompt: 'a' }, createTestContext(), { ...fast, baseUrl: `${base}/v1`, timeoutMs: 3000 }));
      expect(seen()).toEqual(['POST /v1/models/black-forest-labs/flux-schnell/predictions']);
      return outcome;
    });
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).message).toMatch(/no prediction id/);
  });

  describeDownloadFaults(
    () => image,
    () => emulator.current,
  );

  it('names the missing variable and sends nothing without a key', async () => {
    const saved = process.env.REPLICATE_API_TOKEN;
    delete process.env.REPLICATE_API_TOKEN;
    try {
      const error = await failure(runReplicatePrediction(MODEL, {}, createTestContext(), { ...fast }));
      expect(error).toBeInstanceOf(MissingKeyError);
      expect((error as Error).message).toMatch(/^Missing REPLICATE_API_TOKEN/);
      expect(emulator.current.requests).toHaveLength(0);
    } finally {
      process.env.REPLICATE_API_TOKEN = saved;
    }
  });

  describeKeySources(
    'replicate',
    () => emulator.current,
    () => runReplicatePrediction(MODEL, { prompt: 'k' }, createTestContext(), fast),
  );
});
