import { rewriteFalUrl } from '../providers/fal/rewrite';
import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';

const REPLICATE = { authorization: 'Bearer r8_test', 'content-type': 'application/json' };
const FAL = { authorization: 'Key fal_test', 'content-type': 'application/json' };
const OPENAI = { authorization: 'Bearer sk-test' };
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());
afterEach(() => {
  emu.clearFaults();
  emu.setJobDurationMs(0);
});

const models = () => fetch(`${emu.openaiBaseUrl}/models`, { headers: OPENAI });
const createPrediction = (headers: Record<string, string> = {}) =>
  fetch(`${emu.replicateBaseUrl}/models/black-forest-labs/flux-pro/predictions`, {
    method: 'POST',
    headers: { ...REPLICATE, ...headers },
    body: JSON.stringify({ input: { prompt: 'p' } }),
  });
/** A fal submit with its (https://queue.fal.run) URLs mapped onto the emulator, as clients do. */
const localUrls = (sub: Record<string, string>, falBaseUrl = emu.falBaseUrl): Record<string, string> => ({
  ...sub,
  status_url: rewriteFalUrl(sub.status_url, falBaseUrl),
  response_url: rewriteFalUrl(sub.response_url, falBaseUrl),
});
const submitFal = async () =>
  localUrls(
    await (await fetch(`${emu.falBaseUrl}/queue/fal-ai/nano-banana`, { method: 'POST', headers: FAL, body: JSON.stringify({ prompt: 'a cat' }) })).json(),
  );
const lastRecord = () => emu.requests[emu.requests.length - 1];

describe('faults', () => {
  it('latency delays the answer, then answers normally, once by default', async () => {
    emu.injectFault({ provider: 'openai', operation: 'models', kind: 'latency', latencyMs: 150 });
    const started = Date.now();
    expect((await models()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(await (await fetch(`${emu.url}/__emulator/faults`)).json()).toEqual([]);
  });

  it('status answers with the status, a provider-shaped body and Retry-After', async () => {
    emu.injectFault({ provider: 'replicate', kind: 'status', status: 429, retryAfterSeconds: 3 });
    const throttled = await createPrediction();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect(await throttled.json()).toMatchObject({ status: 429, title: expect.any(String), detail: expect.any(String) });

    emu.injectFault({ provider: 'openai', kind: 'status', status: 503, retryAfterSeconds: 2 });
    const unavailable = await models();
    expect([unavailable.status, unavailable.headers.get('retry-after'), unavailable.headers.get('retry-after-ms')]).toEqual([503, '2', '2000']);
    expect((await unavailable.json()).error).toMatchObject({ type: 'server_error', message: expect.any(String), param: null, code: null });

    emu.injectFault({ provider: 'fal', operation: 'submit', kind: 'status', status: 502, times: 2 });
    for (let i = 0; i < 2; i++) {
      const bad = await fetch(`${emu.falBaseUrl}/queue/fal-ai/nano-banana`, { method: 'POST', headers: FAL, body: '{}' });
      expect(bad.status).toBe(502);
      expect(await bad.json()).toEqual({ detail: expect.any(String) });
    }
    expect((await submitFal()).status).toBe('IN_QUEUE');
  });

  it('reset destroys the socket without an answer', async () => {
    emu.injectFault({ provider: 'openai', kind: 'reset' });
    await expect(models()).rejects.toHaveProperty('name', 'TypeError');
    expect(lastRecord()).toMatchObject({ provider: 'openai', operation: 'models', status: 0 });
    expect((await models()).status).toBe(200);
  });

  it('hang never answers until the client gives up', async () => {
    emu.injectFault({ provider: 'fal', operation: 'status', kind: 'hang' });
    const sub = await submitFal();
    await expect(fetch(sub.status_url, { headers: FAL, signal: AbortSignal.timeout(150) })).rejects.toThrow();
    expect(emu.requestsFor('fal').find((r) => r.operation === 'status')?.status).toBe(0);
    expect((await fetch(sub.status_url, { headers: FAL })).status).toBe(200);
  });

  it('malformed answers 200 with a body that is not JSON', async () => {
    emu.injectFault({ provider: 'replicate', operation: 'submit', kind: 'malformed' });
    const response = await createPrediction();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.json()).rejects.toHaveProperty('name', 'SyntaxError');
  });

  it('truncated sends fewer bytes than Content-Length, for downloads and API answers', async () => {
    const prediction = await (await createPrediction({ prefer: 'wait' })).json();
    emu.injectFault({ provider: 'files', operation: 'download', kind: 'truncated' });
    const download = await fetch(prediction.output);
    expect(download.status).toBe(200);
    expect(Number(download.headers.get('content-length'))).toBeGreaterThan(0);
    await expect(download.arrayBuffer()).rejects.toThrow();
    expect((await fetch(prediction.output)).status).toBe(200);

    emu.injectFault({ provider: 'replicate', operation: 'get', kind: 'truncated' });
    const get = await fetch(prediction.urls.get, { headers: REPLICATE });
    await expect(get.text()).rejects.toThrow();
  });

  it('not-found answers 404 in the provider shape', async () => {
    const prediction = await (await createPrediction({ prefer: 'wait' })).json();
    emu.injectFault({ provider: 'replicate', operation: 'get', kind: 'not-found' });
    const missing = await fetch(prediction.urls.get, { headers: REPLICATE });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ status: 404 });
    emu.injectFault({ provider: 'files', kind: 'not-found' });
    expect((await fetch(prediction.output)).status).toBe(404);
  });

  it('job-failed makes the next job fail: replicate status failed, fal result 500, openai a moderation block', async () => {
    emu.injectFault({ provider: 'replicate', kind: 'job-failed' });
    const failed = await (await createPrediction({ prefer: 'wait' })).json();
    expect(failed).toMatchObject({ status: 'failed', output: null, error: expect.any(String) });
    expect((await (await createPrediction({ prefer: 'wait' })).json()).status).toBe('succeeded');

    emu.injectFault({ provider: 'fal', kind: 'job-failed' });
    const sub = await submitFal();
    expect((await (await fetch(sub.status_url, { headers: FAL })).json()).status).toBe('COMPLETED');
    const result = await fetch(sub.response_url, { headers: FAL });
    expect(result.status).toBe(500);
    expect(await result.json()).toEqual({ detail: expect.any(String) });

    emu.injectFault({ provider: 'openai', kind: 'job-failed' });
    const image = await fetch(`${emu.openaiBaseUrl}/images/generations`, {
      method: 'POST',
      headers: { ...OPENAI, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-image-2', prompt: 'x' }),
    });
    expect([image.status, (await image.json()).error.code]).toEqual([400, 'moderation_blocked']);
  });

  it('job-canceled makes the next job end canceled after its duration', async () => {
    emu.setJobDurationMs(50);
    emu.injectFault({ provider: 'replicate', kind: 'job-canceled' });
    const created = await (await createPrediction()).json();
    expect(created.status).toBe('starting');
    const ended = await (await createPrediction({ prefer: 'wait' })).json();
    expect(ended.status).toBe('succeeded');
    expect((await (await fetch(created.urls.get, { headers: REPLICATE })).json()).status).toBe('canceled');

    emu.injectFault({ provider: 'fal', kind: 'job-canceled' });
    const sub = await submitFal();
    await new Promise((r) => setTimeout(r, 60));
    const result = await fetch(sub.response_url, { headers: FAL });
    expect(result.status).toBe(400);
    expect((await result.json()).detail).toMatch(/cancel/i);
  });

  it('matches provider "*" and operation, in registration order, `times` times (Infinity too)', async () => {
    emu.injectFault({ provider: '*', operation: 'models', kind: 'not-found', times: Infinity });
    emu.injectFault({ provider: 'openai', operation: 'models', kind: 'status', status: 500 });
    for (let i = 0; i < 3; i++) expect((await models()).status).toBe(404);
    expect((await createPrediction()).status).toBe(201);
    emu.clearFaults();
    expect((await models()).status).toBe(200);

    emu.injectFault({ provider: 'openai', kind: 'latency', latencyMs: 1 });
    emu.injectFault({ provider: 'openai', kind: 'status', status: 500 });
    expect((await models()).status).toBe(200);
    expect((await models()).status).toBe(500);
    expect((await models()).status).toBe(200);
  });

  it('rejects malformed fault specs', () => {
    expect(() => emu.injectFault({ provider: 'openai', kind: 'nope' as never })).toThrow(TypeError);
    expect(() => emu.injectFault({ provider: 'nobody' as never, kind: 'reset' })).toThrow(TypeError);
    expect(() => emu.injectFault({ provider: 'openai', kind: 'status', status: 42 })).toThrow(TypeError);
    expect(() => emu.injectFault({ provider: 'openai', kind: 'reset', times: 0 })).toThrow(TypeError);
  });
});

describe('stop', () => {
  it('closes hanging requests, pending Prefer: wait creates and open status streams', async () => {
    const local = await startEmulator({ jobDurationMs: 60_000 });
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => 'answered',
        (err: Error) => err.name,
      );
    local.injectFault({ provider: 'openai', kind: 'hang' });
    const hanging = outcome(fetch(`${local.openaiBaseUrl}/models`, { headers: OPENAI }));
    const waiting = outcome(
      fetch(`${local.replicateBaseUrl}/models/black-forest-labs/flux-pro/predictions`, {
        method: 'POST',
        headers: { ...REPLICATE, prefer: 'wait' },
        body: JSON.stringify({ input: { prompt: 'p' } }),
      }),
    );
    const sub = localUrls(
      await (await fetch(`${local.falBaseUrl}/queue/fal-ai/nano-banana`, { method: 'POST', headers: FAL, body: '{"prompt":"abc"}' })).json(),
      local.falBaseUrl,
    );
    const stream = await fetch(`${sub.status_url}/stream`, { headers: FAL });
    const streamed = outcome(stream.text());
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await local.stop();
    expect(await Promise.all([hanging, waiting, streamed])).toEqual(['TypeError', 'TypeError', 'TypeError']);
    expect(Date.now() - started).toBeLessThan(2000);
    await local.stop();
  });
});

// Test-scoped faults and job durations: x-boards-test-id.
const as = (testId: string | undefined): Record<string, string> => (testId === undefined ? {} : { 'x-boards-test-id': testId });
const control = (path: string, testId: string | undefined, init: RequestInit = {}) =>
  fetch(`${emu.url}/__emulator${path}`, { ...init, headers: { ...as(testId), ...(init.headers as Record<string, string>) } });
const modelsAs = (testId?: string) => fetch(`${emu.openaiBaseUrl}/models`, { headers: { ...OPENAI, ...as(testId) } });
const predictAs = (testId?: string) =>
  fetch(`${emu.replicateBaseUrl}/models/black-forest-labs/flux-schnell/predictions`, {
    method: 'POST',
    headers: { ...REPLICATE, ...as(testId) },
    body: JSON.stringify({ input: { prompt: 'p' } }),
  });
const statusOf = async (id: string, testId?: string) =>
  ((await (await fetch(`${emu.replicateBaseUrl}/predictions/${id}`, { headers: { ...REPLICATE, ...as(testId) } })).json()) as { status: string }).status;
/** Polls `read` (at most 100 times, 10 ms apart) until it gives something other than `pending`; returns the last value. */
async function settled<T>(read: () => Promise<T>, pending: readonly T[]): Promise<T> {
  let value = await read();
  for (let i = 0; i < 100 && pending.includes(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    value = await read();
  }
  return value;
}
/** A prediction's status once a 0 ms job has had its output built. */
const finalStatus = (id: string) => settled(() => statusOf(id), ['starting', 'processing']);

describe('test-scoped faults (x-boards-test-id)', () => {
  it('a fault registered with a test id hits only that test: two parallel tests sharing one emulator', async () => {
    emu.clearRequests();
    const posted = await control('/faults', 'test-a', {
      method: 'POST',
      body: JSON.stringify({ provider: 'openai', kind: 'status', status: 503, times: null }),
    });
    expect(posted.status).toBe(201);
    expect(((await posted.json()) as { fault: { testId: string } }).fault.testId).toBe('test-a');

    // Both "tests" run at once against the same emulator.
    const [a1, b1, none, a2, b2] = await Promise.all([modelsAs('test-a'), modelsAs('test-b'), modelsAs(), modelsAs('test-a'), modelsAs('test-b')]);
    expect([a1.status, b1.status, none.status, a2.status, b2.status]).toEqual([503, 200, 200, 503, 200]);
    expect(emu.requests.find((r) => r.provider === 'openai' && r.status === 503)?.testId).toBe('test-a');
  });

  it('takes the test id from a testId field too, and a scoped fault is consumed only by its test', async () => {
    await control('/faults', undefined, {
      method: 'POST',
      body: JSON.stringify({ provider: 'replicate', operation: 'submit', kind: 'status', status: 429, testId: 'b' }),
    });
    expect((await predictAs()).status).toBe(201);
    expect((await predictAs('a')).status).toBe(201);
    expect((await predictAs('b')).status).toBe(429);
    expect((await predictAs('b')).status).toBe(201);
  });

  it('unscoped faults keep applying to every request, with or without a test id', async () => {
    emu.injectFault({ provider: 'openai', operation: 'models', kind: 'status', status: 500, times: 2 });
    expect([(await modelsAs('x')).status, (await modelsAs()).status, (await modelsAs()).status]).toEqual([500, 500, 200]);
  });

  it('DELETE /faults with a test id clears only that test faults', async () => {
    emu.injectFault({ provider: 'openai', kind: 'status', status: 500, times: Infinity, testId: 'a' });
    emu.injectFault({ provider: 'openai', kind: 'status', status: 502, times: Infinity, testId: 'b' });
    expect((await control('/faults', 'a', { method: 'DELETE' })).status).toBe(200);
    const left = (await (await control('/faults', undefined)).json()) as Array<{ testId: string }>;
    expect(left.map((f) => f.testId)).toEqual(['b']);
    expect([(await modelsAs('a')).status, (await modelsAs('b')).status]).toEqual([200, 502]);
  });

  it('job faults are scoped too: job-failed registered for one test fails only its job', async () => {
    emu.injectFault({ provider: 'fal', operation: 'submit', kind: 'job-failed', testId: 'a' });
    const submit = (testId: string) =>
      fetch(`${emu.falBaseUrl}/queue/fal-ai/flux/dev`, { method: 'POST', headers: { ...FAL, ...as(testId) }, body: JSON.stringify({ prompt: 'x' }) }).then(
        (r) => r.json() as Promise<{ response_url: string }>,
      );
    const [b, a] = [await submit('b'), await submit('a')];
    const result = (sub: { response_url: string }) =>
      settled(async () => (await fetch(rewriteFalUrl(sub.response_url, emu.falBaseUrl), { headers: FAL })).status, [400]);
    expect([await result(b), await result(a)]).toEqual([200, 500]);
  });

  it('refuses a bad test id, naming the header or the field', async () => {
    const bad = await control('/faults', undefined, { method: 'POST', body: JSON.stringify({ provider: 'openai', kind: 'reset', testId: 5 }) });
    expect([bad.status, ((await bad.json()) as { error: string }).error]).toEqual([400, expect.stringMatching(/fault\.testId/)]);
    const header = await modelsAs('tab\there');
    expect(header.status).toBe(400);
    expect(JSON.stringify(await header.json())).toMatch(/x-boards-test-id/);
  });
});

describe('test-scoped job durations', () => {
  it('PUT /job-duration with a test id sets that test job time only', async () => {
    const put = await control('/job-duration', 'slow', { method: 'PUT', body: JSON.stringify({ ms: 60_000 }) });
    expect(await put.json()).toEqual({ ok: true, testId: 'slow', jobDurationMs: 60_000 });
    const [slow, fast, none] = await Promise.all([predictAs('slow'), predictAs('fast'), predictAs()]);
    const ids = await Promise.all([slow, fast, none].map(async (r) => ((await r.json()) as { id: string }).id));
    expect(await statusOf(ids[0], 'slow')).toBe('starting');
    expect(await finalStatus(ids[1])).toBe('succeeded');
    expect(await finalStatus(ids[2])).toBe('succeeded');
    expect(((await (await control('/health', undefined)).json()) as { jobDurationMs: number }).jobDurationMs).toBe(0);
  });

  it('takes the test id from a testId field, and {"ms": null} removes it', async () => {
    await control('/job-duration', undefined, { method: 'PUT', body: JSON.stringify({ ms: 60_000, testId: 't' }) });
    const first = ((await (await predictAs('t')).json()) as { id: string }).id;
    expect(await statusOf(first)).toBe('starting');
    const removed = await control('/job-duration', 't', { method: 'PUT', body: JSON.stringify({ ms: null }) });
    expect(await removed.json()).toEqual({ ok: true, testId: 't', jobDurationMs: null });
    const second = ((await (await predictAs('t')).json()) as { id: string }).id;
    expect(await finalStatus(second)).toBe('succeeded');
  });

  it('a global duration still applies to tests without their own; null without a test id is refused', async () => {
    emu.setJobDurationMs(60_000);
    emu.setJobDurationMs(0, 'quick');
    const [quick, other] = await Promise.all([predictAs('quick'), predictAs('other')]);
    const ids = await Promise.all([quick, other].map(async (r) => ((await r.json()) as { id: string }).id));
    expect([await finalStatus(ids[0]), await statusOf(ids[1])]).toEqual(['succeeded', 'starting']);
    const refused = await control('/job-duration', undefined, { method: 'PUT', body: JSON.stringify({ ms: null }) });
    expect(refused.status).toBe(400);
  });
});
