import { CanceledError, CancelUnconfirmedError, GenerationFailedError, MissingKeyError, ProviderError, TimeoutError } from '@boards/core';
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
import { defineKieGenerator } from './kie-generator';
import { runKieTask, uploadToKie } from './kie-task';
import type { KieAdapterOptions } from './kie-client';
import { kieOptionsFor } from './kie-settings';
import { kieCreditPrice } from './kie-credits';
import { descriptor } from './descriptor';
import { withMixedUpRecord } from './__fixtures__/mixed-up-record';

// A video task: the emulator builds its MP4 in no time (a 2K image takes a while to encode).
const MODEL = 'bytedance/seedance-1.5-pro';
const INPUT = { prompt: 'a fox runs', aspect_ratio: '16:9', resolution: '480p', duration: 4 };
const IMAGE_INPUT = { aspect_ratio: '1:1', quality: 'basic' };
const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 }, pollIntervalMs: 5 };
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );
const image = defineKieGenerator({
  ...testImageSpec('kie-test-image', 'seedream/4.5-text-to-image'),
  toProviderInput: ({ prompt }) => ({ ...IMAGE_INPUT, prompt }),
  adapter: fast,
});

describe('kie adapter', () => {
  const emulator = useEmulator();
  const context = (options: TestContextOptions = {}) => createTestContext({ settings: emulator.settings, ...options });
  /** The task protocol with the options the generator definer hands it: resolved from the context's settings. */
  const runTask = (model: string, input: Record<string, unknown>, ctx: TestContext, options: KieAdapterOptions = {}) =>
    runKieTask(model, input, ctx, kieOptionsFor(ctx, options));
  const uploadBytes = (bytes: Uint8Array, type: string, name: string, ctx: TestContext, options: KieAdapterOptions = {}) =>
    uploadToKie(bytes, type, name, ctx, kieOptionsFor(ctx, options));
  const ops = () => emulator.current.requestsFor('kie').map((r) => r.operation);

  it('creates the task, checks recordInfo at once (no fixed sleep) and parses resultJson', async () => {
    const ctx = context();
    const task = await runTask(MODEL, INPUT, ctx, fast);
    expect(ops()).toEqual(['createTask', 'recordInfo']);
    expect(task.result.resultUrls).toEqual([expect.stringMatching(new RegExp(`^${emulator.current.url}/files/`))]);
    expect(ctx.providerJobs).toEqual([{ provider: 'kie', jobId: task.taskId }]);
    const created = emulator.current.requestsFor('kie')[0];
    expect(created).toMatchObject({ method: 'POST', path: '/kie/api/v1/jobs/createTask', body: { model: MODEL, input: INPUT } });
    expect(emulator.current.requestsFor('kie')[1].query).toEqual({ taskId: task.taskId });
  });

  it('reports queued and running while it polls a slower task', async () => {
    emulator.current.setJobDurationMs(400);
    const ctx = context();
    await runTask(MODEL, INPUT, ctx, fast);
    const phases = ctx.progressEvents.map((e) => e.phase);
    expect(phases).toContain('queued');
    expect(phases).toContain('running');
    expect(ops().filter((o) => o === 'recordInfo').length).toBeGreaterThan(2);
  });

  it('stores the result through the generator and reports the task time', async () => {
    const ctx = context();
    const { artifacts, providerJobId } = await image.generate({ prompt: 'x' }, ctx);
    expect(artifacts).toEqual([expect.objectContaining({ type: 'image', width: 2048, height: 2048 })]);
    expect(providerJobId).toMatch(/^[0-9a-f]{32}$/);
    expect(ctx.actualCosts).toEqual([{ reported: expect.stringMatching(/^cost_time=[\d.]+s$/), billed: [{ unit: 'image', quantity: 1, what: 'resultUrls' }] }]);
  });

  it('turns an envelope error sent with HTTP 200 into a typed error: 402 insufficient credits, not retried', async () => {
    emulator.current.injectFault({ provider: 'kie', operation: 'createTask', kind: 'status', status: 402 });
    const error = await failure(runTask(MODEL, INPUT, context(), fast));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'kie', status: 402, retryable: false, requestId: expect.any(String) });
    expect((error as Error).message).toMatch(/insufficient credits/);
    expect(ops()).toEqual(['createTask']);
  });

  it("names the field of a 422 validation envelope in Kie's words", async () => {
    const error = await failure(runTask(MODEL, { prompt: 'a fox', duration: 4 }, context(), fast));
    expect(error).toMatchObject({ provider: 'kie', status: 422 });
    expect((error as Error).message).toContain('input.aspect_ratio: Field required');
  });

  it('repeats a createTask refused with 429 after Retry-After (Kie does not queue a refused request)', async () => {
    emulator.current.injectFault({ provider: 'kie', operation: 'createTask', kind: 'status', status: 429, retryAfterSeconds: 0 });
    await runTask(MODEL, INPUT, context(), fast);
    expect(ops().filter((o) => o === 'createTask')).toHaveLength(2);
  });

  it.each([500, 503])('does not repeat a createTask that answered %i: typed error with request id', async (status) => {
    emulator.current.injectFault({ provider: 'kie', operation: 'createTask', kind: 'status', status });
    const error = await failure(runTask(MODEL, INPUT, context(), fast));
    expect(error).toMatchObject({ provider: 'kie', status, requestId: expect.any(String) });
    expect(ops()).toEqual(['createTask']);
  });

  it('retries recordInfo after a 503 or a reset, keeping the task', async () => {
    emulator.current.injectFault({ provider: 'kie', operation: 'recordInfo', kind: 'status', status: 503 });
    emulator.current.injectFault({ provider: 'kie', operation: 'recordInfo', kind: 'reset' });
    const task = await runTask(MODEL, INPUT, context(), fast);
    expect(task.result.resultUrls).toHaveLength(1);
    expect(ops()).toEqual(['createTask', 'recordInfo', 'recordInfo', 'recordInfo']);
  });

  it('reports a failed task as GenerationFailedError with failMsg, failCode and the task id', async () => {
    emulator.current.injectFault({ provider: 'kie', kind: 'job-failed' });
    const error = await failure(runTask(MODEL, INPUT, context(), fast));
    expect(error).toBeInstanceOf(GenerationFailedError);
    expect(error).toMatchObject({ provider: 'kie', jobId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect((error as Error).message).toMatch(/Internal server error \(failCode 500\)/);
  });

  it('a stop while the task runs is not a cancel (Kie has none): CancelUnconfirmedError names the task, still running and billed', async () => {
    emulator.current.setJobDurationMs(30_000);
    const controller = new AbortController();
    const ctx = context({ signal: controller.signal, onProviderJob: () => setTimeout(() => controller.abort(), 20) });
    const error = await failure(runTask(MODEL, INPUT, ctx, fast));
    expect(error).toBeInstanceOf(CancelUnconfirmedError);
    expect(error).toMatchObject({ code: 'CANCEL_UNCONFIRMED', provider: 'kie', jobId: ctx.providerJobs[0].jobId });
    expect((error as Error).message).toMatch(
      new RegExp(`no cancel endpoint: task ${ctx.providerJobs[0].jobId} may still be running at Kie and will be billed`),
    );
    expect(ops().every((o) => o === 'createTask' || o === 'recordInfo')).toBe(true);
  });

  it('a stop while createTask is unanswered may leave a task: CancelUnconfirmedError; a stop before it is sent: CanceledError', async () => {
    emulator.current.injectFault({ provider: 'kie', operation: 'createTask', kind: 'hang' });
    const controller = new AbortController();
    const running = failure(runTask(MODEL, INPUT, context({ signal: controller.signal }), fast));
    await emulator.current.nextRequest({ provider: 'kie', operation: 'createTask' });
    controller.abort();
    const error = await running;
    expect(error).toBeInstanceOf(CancelUnconfirmedError);
    expect((error as Error).message).toMatch(
      /no cancel endpoint: the task createTask bytedance\/seedance-1.5-pro may have created .* still be running at Kie and will be billed/,
    );

    emulator.current.clearRequests();
    await expect(runTask(MODEL, INPUT, context({ signal: AbortSignal.abort() }), fast)).rejects.toBeInstanceOf(CanceledError);
    expect(ops()).toEqual([]);
  });

  it('refuses a recordInfo answer about another task instead of taking its output as ours', async () => {
    const other = await runTask(MODEL, INPUT, context(), fast);
    await withMixedUpRecord(emulator.current.baseUrls.kie, other.taskId, async (baseUrl) => {
      const ctx = context();
      const error = await failure(runTask(MODEL, INPUT, ctx, { ...fast, baseUrl }));
      const ours = ctx.providerJobs[0].jobId;
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ provider: 'kie', retryable: false, jobId: ours });
      expect((error as Error).message).toContain(`recordInfo for task ${ours} answered for task ${other.taskId}`);
    });
  });

  it('stops at the deadline with a TimeoutError naming the task', async () => {
    emulator.current.setJobDurationMs(30_000);
    // A short deadline (the task is created within milliseconds, then polled until the deadline passes).
    const error = await failure(runTask(MODEL, INPUT, context(), { ...fast, timeoutMs: 250 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/[0-9a-f]{32}/);
  });

  it('refuses a success whose resultJson is not JSON', async () => {
    const answer = { code: 200, msg: 'success', data: { taskId: 't1', state: 'success', resultJson: 'not json' } };
    await withFixedAnswer(200, answer, async (baseUrl) => {
      const error = await failure(runTask(MODEL, INPUT, context(), { ...fast, baseUrl, apiKey: 'k' }));
      expect(error).toMatchObject({ provider: 'kie', jobId: 't1' });
      expect((error as Error).message).toMatch(/resultJson is not a JSON object/);
    });
  });

  it('fails at once on a task state it does not know, naming it, instead of polling it to the deadline', async () => {
    const answer = { code: 200, msg: 'success', data: { taskId: 't1', state: 'paused' } };
    await withFixedAnswer(200, answer, async (baseUrl, seen) => {
      const error = await failure(runTask(MODEL, INPUT, context(), { ...fast, baseUrl, apiKey: 'k', timeoutMs: 3000 }));
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ jobId: 't1', message: expect.stringContaining('"paused"') });
      expect(seen()).toHaveLength(2);
    });
  });

  it("uploads input bytes through Kie's stream upload and returns the downloadUrl", async () => {
    const url = await uploadBytes(new Uint8Array([1, 2, 3]), 'image/png', 'in.png', context(), fast);
    const upload = emulator.current.requestsFor('kie').find((r) => r.operation === 'upload');
    expect(upload?.path).toBe('/kie/api/file-stream-upload');
    expect(upload?.body).toMatchObject({ fields: { uploadPath: 'boards-inputs', fileName: expect.stringMatching(/^[0-9a-f]{12}-in\.png$/) } });
    expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(Buffer.from([1, 2, 3]));
  });

  it("one client per generation, per-call signals: an upload (a call without a signal of its own) is stopped by the generation's abort", async () => {
    emulator.current.injectFault({ provider: 'kie', operation: 'upload', kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(uploadBytes(new Uint8Array([1]), 'image/png', 'in.png', context({ signal: controller.signal }), fast));
    expect(error).toBeInstanceOf(CanceledError);
  });

  it('prices credits at $0.005', () => {
    expect(kieCreditPrice({ credits: 3, unit: 'second', checkedOn: '2026-12-01' })).toEqual({
      usd: '0.015',
      unit: 'second',
      checkedOn: '2026-12-01',
      source: undefined,
      note: '3 credits per second at $0.005',
    });
  });

  it('names KIE_API_KEY when the settings hold no key, sending nothing', async () => {
    const settings = { providers: { kie: { baseUrl: emulator.current.baseUrls.kie } } };
    const error = await failure(image.generate({ prompt: 'x' }, createTestContext({ settings })));
    expect(error).toBeInstanceOf(MissingKeyError);
    expect((error as Error).message).toContain('KIE_API_KEY');
    expect(emulator.current.requests).toHaveLength(0);
  });

  describeKeySources(
    'kie',
    () => emulator.current,
    (settings) => image.generate({ prompt: 'key' }, createTestContext({ settings })),
  );
  describeDownloadFaults(
    () => image,
    () => emulator.current,
  );
});

describe('kie published schemas (for boards drift)', () => {
  const published = descriptor.published as NonNullable<typeof descriptor.published>;
  const page = (input: unknown) => ({
    openapi: '3.0.0',
    paths: { '/api/v1/jobs/createTask': { post: { requestBody: { content: { 'application/json': { schema: { properties: { model: {}, input } } } } } } } },
  });

  it("reads a model's page (dots written as dashes) and its createTask input", () => {
    expect(published.url?.('https://docs.kie.ai', 'seedream/4.5-text-to-image')).toBe('https://docs.kie.ai/market/seedream/4-5-text-to-image.md');
    expect(published.url?.('http://127.0.0.1:1', 'google/nano-banana-edit')).toBe('http://127.0.0.1:1/market/google/nano-banana-edit.md');
    const input = { type: 'object', required: ['prompt'], properties: { prompt: { type: 'string', maxLength: 5000 } } };
    expect(published.inputSchema(page(input), 'google/nano-banana-edit', 'image', 'u')).toMatchObject({ schema: input, note: 'createTask input' });
  });

  it('says which page lacks the createTask input, rather than comparing nothing', () => {
    expect(() => published.inputSchema(page(undefined), 'google/nano-banana-edit', 'image', 'https://docs.kie.ai/market/google/nano-banana-edit.md')).toThrow(
      'https://docs.kie.ai/market/google/nano-banana-edit.md has no POST /api/v1/jobs/createTask whose JSON body has an input object (for google/nano-banana-edit)',
    );
    expect(() => published.inputSchema({ paths: {} }, 'm', 'image', 'u')).toThrow(/u has no POST/);
  });
});
