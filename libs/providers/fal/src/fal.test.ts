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
import { falOptionsFor, redirectFalUrl, type FalAdapterOptions } from './fal-client';
import { defineFalGenerator } from './fal-generator';
import { runFalRequest, uploadToFal } from './fal-queue';

const ENDPOINT = 'fal-ai/nano-banana';
const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 }, pollIntervalMs: 20 };
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

const image = defineFalGenerator({ ...testImageSpec('fal-test-image', ENDPOINT), adapter: fast });

describe('fal adapter', () => {
  const emulator = useEmulator();
  const context = (options: TestContextOptions = {}) => createTestContext({ settings: emulator.settings, ...options });
  /** The queue protocol with the options the generator definer hands it: resolved from the context's settings. */
  const request = (input: Record<string, unknown>, ctx: TestContext, options: FalAdapterOptions = {}) =>
    runFalRequest(ENDPOINT, input, ctx, falOptionsFor(ctx, options));
  const uploadBytes = (bytes: Uint8Array, type: string, name: string, ctx: TestContext, options: FalAdapterOptions = {}) =>
    uploadToFal(bytes, type, name, ctx, falOptionsFor(ctx, options));
  const ops = () => emulator.current.requestsFor('fal').map((r) => r.operation);

  it('maps fal hosts onto the base URL and leaves other URLs alone', () => {
    expect(redirectFalUrl('https://queue.fal.run/fal-ai/x/requests/1/status', 'http://h/fal')).toBe('http://h/fal/queue/fal-ai/x/requests/1/status');
    expect(redirectFalUrl('https://rest.fal.ai/storage/upload/initiate', 'http://h/fal/')).toBe('http://h/fal/rest/storage/upload/initiate');
    expect(redirectFalUrl('https://example.com/a', 'http://h/fal')).toBe('https://example.com/a');
  });

  it('submits, follows the status stream and fetches the result with billable units', async () => {
    const ctx = context();
    const result = await request({ prompt: 'abc' }, ctx, fast);
    expect(ops()).toEqual(['submit', 'status-stream', 'result']);
    expect(result.billableUnits).toBe('1');
    expect(ctx.providerJobs[0]).toEqual({ provider: 'fal', jobId: result.requestId });
  });

  it('hears of completion from one stream, however long the job runs: no status polls', async () => {
    emulator.current.setJobDurationMs(300);
    await request({ prompt: 'abc' }, context(), fast);
    expect(ops()).toEqual(['submit', 'status-stream', 'result']);
  });

  it('with statusUpdates "poll", checks status at once (no fixed sleep) and then polls', async () => {
    await request({ prompt: 'abc' }, context(), { ...fast, statusUpdates: 'poll' });
    expect(ops()).toEqual(['submit', 'status', 'result']);
  });

  it.each(['stream', 'poll'] as const)('reports queue position and running while it waits (%s)', async (statusUpdates) => {
    emulator.current.setJobDurationMs(600);
    const ctx = context();
    await request({ prompt: 'abc' }, ctx, { ...fast, statusUpdates });
    expect(ctx.progressEvents.some((e) => e.phase === 'queued' && e.queuePosition !== undefined)).toBe(true);
    expect(ctx.progressEvents.map((e) => e.phase)).toContain('running');
    expect(ops()).toContain(statusUpdates === 'stream' ? 'status-stream' : 'status');
  });

  it.each([
    ['refused with a 503', { kind: 'status', status: 503 }],
    ['not offered (404)', { kind: 'not-found' }],
    ['reset before it opens', { kind: 'reset' }],
    ['cut after its first event', { kind: 'truncated' }],
  ] as const)('falls back to polling when the status stream is %s, and completes', async (_, fault) => {
    emulator.current.setJobDurationMs(200);
    emulator.current.injectFault({ provider: 'fal', operation: 'status-stream', ...fault });
    const result = await request({ prompt: 'abc' }, context(), fast);
    expect(result.data).toHaveProperty('images');
    expect(ops().filter((o) => o === 'status-stream')).toHaveLength(1);
    expect(ops()).toContain('status');
    expect(ops()[ops().length - 1]).toBe('result');
  });

  it('reopens a status stream that closed before COMPLETED, and polls once streams keep closing at once', async () => {
    emulator.current.setJobDurationMs(300);
    emulator.current.injectFault({ provider: 'fal', operation: 'status-stream', kind: 'short' });
    await request({ prompt: 'abc' }, context(), fast);
    expect(ops()).toEqual(['submit', 'status-stream', 'status-stream', 'result']);

    emulator.current.clearRequests();
    emulator.current.injectFault({ provider: 'fal', operation: 'status-stream', kind: 'short', times: Infinity });
    await request({ prompt: 'abc' }, context(), fast);
    expect(ops().slice(0, 3)).toEqual(['submit', 'status-stream', 'status-stream']);
    expect(
      ops()
        .slice(3, -1)
        .every((o) => o === 'status'),
    ).toBe(true);
    expect(ops()[ops().length - 1]).toBe('result');
  });

  it('retries a 429 on submit after Retry-After, and with its own backoff without one', async () => {
    emulator.current.injectFault({ provider: 'fal', operation: 'submit', kind: 'status', status: 429, retryAfterSeconds: 1 });
    emulator.current.injectFault({ provider: 'fal', operation: 'submit', kind: 'status', status: 429 });
    // The waits are recorded, not spent: the first is the Retry-After, the second the backoff (half to all of 100 ms).
    const { sleep, delays } = recordingSleep();
    await request({ prompt: 'abc' }, context(), { ...fast, retry: { baseDelayMs: 100, maxDelayMs: 100, sleep } });
    expect(ops().filter((o) => o === 'submit')).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBe(1000);
    expect(delays[1]).toBeGreaterThanOrEqual(50);
    expect(delays[1]).toBeLessThanOrEqual(100);
  });

  it.each([500, 502, 503])('does not re-submit after a %i on submit: typed error with request id', async (status) => {
    emulator.current.injectFault({ provider: 'fal', operation: 'submit', kind: 'status', status });
    const error = await failure(request({ prompt: 'abc' }, context(), fast));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'fal', status, requestId: expect.any(String) });
    expect(ops()).toEqual(['submit']);
  });

  it('does not re-submit after a connection reset on submit', async () => {
    emulator.current.injectFault({ provider: 'fal', operation: 'submit', kind: 'reset' });
    await expect(request({ prompt: 'abc' }, context(), fast)).rejects.toBeInstanceOf(ProviderError);
    expect(ops()).toEqual(['submit']);
  });

  it('retries status polls through 5xx, resets, malformed JSON and latency', async () => {
    emulator.current.injectFault({ provider: 'fal', operation: 'status', kind: 'status', status: 503, retryAfterSeconds: 0 });
    emulator.current.injectFault({ provider: 'fal', operation: 'status', kind: 'reset' });
    emulator.current.injectFault({ provider: 'fal', operation: 'status', kind: 'malformed' });
    emulator.current.injectFault({ provider: 'fal', operation: 'status', kind: 'latency', latencyMs: 100 });
    const result = await request({ prompt: 'abc' }, context(), { ...fast, statusUpdates: 'poll' });
    expect(result.requestId).toEqual(expect.any(String));
  });

  it('gives up on a status poll that hangs, at the attempt deadline, and cancels the request', async () => {
    emulator.current.setJobDurationMs(5000);
    emulator.current.injectFault({ provider: 'fal', operation: 'status', kind: 'hang', times: Infinity });
    const error = await failure(
      request({ prompt: 'abc' }, context(), {
        retry: { baseDelayMs: 1, maxAttempts: 2, attemptTimeoutMs: 200 },
        timeoutMs: 3000,
        statusUpdates: 'poll',
      }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('reports malformed JSON on submit as a typed error without re-submitting', async () => {
    emulator.current.injectFault({ provider: 'fal', operation: 'submit', kind: 'malformed' });
    const error = await failure(request({ prompt: 'abc' }, context(), fast));
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', status: 200, requestId: expect.any(String) });
    expect(ops()).toEqual(['submit']);
  });

  it('retries a malformed result (a GET is safe to repeat)', async () => {
    emulator.current.injectFault({ provider: 'fal', operation: 'result', kind: 'malformed' });
    const result = await request({ prompt: 'abc' }, context(), fast);
    expect(result.data).toHaveProperty('images');
    expect(ops().filter((o) => o === 'result')).toHaveLength(2);
  });

  describeDownloadFaults(
    () => image,
    () => emulator.current,
  );

  it('turns a failed request into GenerationFailedError naming the request', async () => {
    emulator.current.injectFault({ provider: 'fal', kind: 'job-failed' });
    const error = await failure(request({ prompt: 'abc' }, context(), fast));
    expect(error).toBeInstanceOf(GenerationFailedError);
    expect((error as GenerationFailedError).jobId).toEqual(expect.any(String));
  });

  it('turns a request canceled elsewhere into a typed error', async () => {
    emulator.current.injectFault({ provider: 'fal', kind: 'job-canceled' });
    const error = await failure(request({ prompt: 'abc' }, context(), fast));
    expect(error).toBeInstanceOf(GenerationFailedError);
  });

  it('cancels the request at the deadline', async () => {
    emulator.current.setJobDurationMs(30_000);
    const ctx = context();
    const error = await failure(request({ prompt: 'abc' }, ctx, { ...fast, timeoutMs: 500 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(ops()).toContain('cancel');
  });

  it('cancels the request when aborted', async () => {
    emulator.current.setJobDurationMs(30_000);
    const controller = new AbortController();
    const ctx = context({ signal: controller.signal, onProviderJob: () => setTimeout(() => controller.abort(), 50) });
    await expect(request({ prompt: 'abc' }, ctx, fast)).rejects.toBeInstanceOf(CanceledError);
    expect(ops().filter((o) => o === 'cancel')).toHaveLength(1);
  });

  it('reports a cancel that comes after the request completed as completed-and-billed, not as a failed cancel', async () => {
    // The cancel reaches fal only after the request has completed (as when Ctrl-C comes late).
    emulator.current.injectFault({ provider: 'fal', operation: 'cancel', kind: 'latency', latencyMs: 100 });
    const controller = new AbortController();
    const ctx = context({ signal: controller.signal, onProviderJob: () => controller.abort() });
    const error = await failure(request({ prompt: 'abc' }, ctx, fast));
    expect(error).toBeInstanceOf(CanceledError);
    expect((error as Error).message).toMatch(/had completed: it is billed and its result is kept at fal/);
    expect(ctx.logLines.filter((l) => l.startsWith('warn'))).toEqual([]);
    expect(ctx.logLines).toContainEqual(expect.stringMatching(/^info fal: request .+ had already completed when canceled/));
  });

  it('a stop whose cancel fal refuses is not a cancel: CancelUnconfirmedError names the request', async () => {
    emulator.current.setJobDurationMs(30_000);
    emulator.current.injectFault({ provider: 'fal', operation: 'cancel', kind: 'status', status: 500, times: Infinity });
    const controller = new AbortController();
    const ctx = context({ signal: controller.signal, onProviderJob: () => setTimeout(() => controller.abort(), 20) });
    const error = await failure(request({ prompt: 'abc' }, ctx, fast));
    expect(error).toBeInstanceOf(CancelUnconfirmedError);
    expect(error).toMatchObject({ jobId: ctx.providerJobs[0].jobId, message: expect.stringMatching(/fal cancel of job .* was not confirmed/) });
  });

  it('one client, per-call retry: a cancel fal keeps refusing is tried twice (its own policy), not maxAttempts times', async () => {
    emulator.current.setJobDurationMs(30_000);
    emulator.current.injectFault({ provider: 'fal', operation: 'cancel', kind: 'status', status: 503, times: Infinity });
    const controller = new AbortController();
    const ctx = context({ signal: controller.signal, onProviderJob: () => setTimeout(() => controller.abort(), 20) });
    const error = await failure(request({ prompt: 'abc' }, ctx, { ...fast, retry: { ...fast.retry, maxAttempts: 6 } }));
    expect(error).toBeInstanceOf(CancelUnconfirmedError);
    expect(ops().filter((o) => o === 'cancel')).toHaveLength(2);
  });

  it('refuses a submit answer without a request_id at once', async () => {
    const error = await withFixedAnswer(200, { status: 'IN_QUEUE' }, async (base, seen) => {
      const outcome = await failure(request({ prompt: 'abc' }, context(), { ...fast, baseUrl: base, timeoutMs: 3000 }));
      expect(seen()).toHaveLength(1);
      return outcome;
    });
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).message).toMatch(/no request_id/);
  });

  it('fails at once on a status it does not know, naming it, instead of polling it to the deadline', async () => {
    const answer = { request_id: 'r1', status: 'PAUSED' };
    const error = await withFixedAnswer(200, answer, (base) => failure(request({ prompt: 'abc' }, context(), { ...fast, baseUrl: base, timeoutMs: 3000 })));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ jobId: 'r1', message: expect.stringContaining('"PAUSED"') });
  });

  it('uploads bytes to fal storage and returns a URL that serves them', async () => {
    const url = await uploadBytes(new TextEncoder().encode('hello'), 'text/plain', 'a.txt', context(), fast);
    expect(ops()).toEqual(['upload-initiate', 'upload']);
    expect(await (await fetch(url)).text()).toBe('hello');
  });

  it('retries an upload initiation that failed with 503 (nothing billed yet)', async () => {
    emulator.current.injectFault({ provider: 'fal', operation: 'upload-initiate', kind: 'status', status: 503 });
    await uploadBytes(new Uint8Array([1, 2, 3]), 'application/octet-stream', 'b.bin', context(), fast);
    expect(ops()).toEqual(['upload-initiate', 'upload-initiate', 'upload']);
  });

  it("one client, per-call signals: an upload (whose SDK call takes no signal) is still stopped by the generation's abort", async () => {
    emulator.current.injectFault({ provider: 'fal', operation: 'upload-initiate', kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(uploadBytes(new Uint8Array([1]), 'application/octet-stream', 'c.bin', context({ signal: controller.signal }), fast));
    expect(error).toBeInstanceOf(CanceledError);
    expect(ops()).toEqual(['upload-initiate']);
  });

  it('names the missing variable and sends nothing when the settings hold no key', async () => {
    const settings = { providers: { fal: { baseUrl: emulator.current.falBaseUrl } } };
    const error = await failure(image.generate({ prompt: 'x' }, createTestContext({ settings })));
    expect(error).toBeInstanceOf(MissingKeyError);
    expect((error as Error).message).toMatch(/^Missing FAL_KEY/);
    expect(emulator.current.requests).toHaveLength(0);
  });

  describeKeySources(
    'fal',
    () => emulator.current,
    (settings) => image.generate({ prompt: 'key' }, createTestContext({ settings })),
  );
});
