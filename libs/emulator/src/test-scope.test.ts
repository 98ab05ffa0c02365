import { rewriteFalUrl } from './rewrite';
import { startEmulator } from './server';
import type { Emulator } from './types';

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

const as = (testId: string | undefined): Record<string, string> => (testId === undefined ? {} : { 'x-boards-test-id': testId });
const control = (path: string, testId: string | undefined, init: RequestInit = {}) =>
  fetch(`${emu.url}/__emulator${path}`, { ...init, headers: { ...as(testId), ...(init.headers as Record<string, string>) } });
const models = (testId?: string) => fetch(`${emu.openaiBaseUrl}/models`, { headers: { ...OPENAI, ...as(testId) } });
const predict = (testId?: string) =>
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
    const posted = await control('/faults', 'test-a', {
      method: 'POST',
      body: JSON.stringify({ provider: 'openai', kind: 'status', status: 503, times: null }),
    });
    expect(posted.status).toBe(201);
    expect(((await posted.json()) as { fault: { testId: string } }).fault.testId).toBe('test-a');

    // Both "tests" run at once against the same emulator.
    const [a1, b1, none, a2, b2] = await Promise.all([models('test-a'), models('test-b'), models(), models('test-a'), models('test-b')]);
    expect([a1.status, b1.status, none.status, a2.status, b2.status]).toEqual([503, 200, 200, 503, 200]);
    expect(emu.requests.find((r) => r.provider === 'openai' && r.status === 503)?.testId).toBe('test-a');
  });

  it('takes the test id from a testId field too, and a scoped fault is consumed only by its test', async () => {
    await control('/faults', undefined, {
      method: 'POST',
      body: JSON.stringify({ provider: 'replicate', operation: 'submit', kind: 'status', status: 429, testId: 'b' }),
    });
    expect((await predict()).status).toBe(201);
    expect((await predict('a')).status).toBe(201);
    expect((await predict('b')).status).toBe(429);
    expect((await predict('b')).status).toBe(201);
  });

  it('unscoped faults keep applying to every request, with or without a test id', async () => {
    emu.injectFault({ provider: 'openai', operation: 'models', kind: 'status', status: 500, times: 2 });
    expect([(await models('x')).status, (await models()).status, (await models()).status]).toEqual([500, 500, 200]);
  });

  it('DELETE /faults with a test id clears only that test faults', async () => {
    emu.injectFault({ provider: 'openai', kind: 'status', status: 500, times: Infinity, testId: 'a' });
    emu.injectFault({ provider: 'openai', kind: 'status', status: 502, times: Infinity, testId: 'b' });
    expect((await control('/faults', 'a', { method: 'DELETE' })).status).toBe(200);
    const left = (await (await control('/faults', undefined)).json()) as Array<{ testId: string }>;
    expect(left.map((f) => f.testId)).toEqual(['b']);
    expect([(await models('a')).status, (await models('b')).status]).toEqual([200, 502]);
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
    const header = await models('tab\there');
    expect(header.status).toBe(400);
    expect(JSON.stringify(await header.json())).toMatch(/x-boards-test-id/);
  });
});

describe('test-scoped job durations', () => {
  it('PUT /job-duration with a test id sets that test job time only', async () => {
    const put = await control('/job-duration', 'slow', { method: 'PUT', body: JSON.stringify({ ms: 60_000 }) });
    expect(await put.json()).toEqual({ ok: true, testId: 'slow', jobDurationMs: 60_000 });
    const [slow, fast, none] = await Promise.all([predict('slow'), predict('fast'), predict()]);
    const ids = await Promise.all([slow, fast, none].map(async (r) => ((await r.json()) as { id: string }).id));
    expect(await statusOf(ids[0], 'slow')).toBe('starting');
    expect(await finalStatus(ids[1])).toBe('succeeded');
    expect(await finalStatus(ids[2])).toBe('succeeded');
    expect(((await (await control('/health', undefined)).json()) as { jobDurationMs: number }).jobDurationMs).toBe(0);
  });

  it('takes the test id from a testId field, and {"ms": null} removes it', async () => {
    await control('/job-duration', undefined, { method: 'PUT', body: JSON.stringify({ ms: 60_000, testId: 't' }) });
    const first = ((await (await predict('t')).json()) as { id: string }).id;
    expect(await statusOf(first)).toBe('starting');
    const removed = await control('/job-duration', 't', { method: 'PUT', body: JSON.stringify({ ms: null }) });
    expect(await removed.json()).toEqual({ ok: true, testId: 't', jobDurationMs: null });
    const second = ((await (await predict('t')).json()) as { id: string }).id;
    expect(await finalStatus(second)).toBe('succeeded');
  });

  it('a global duration still applies to tests without their own; null without a test id is refused', async () => {
    emu.setJobDurationMs(60_000);
    emu.setJobDurationMs(0, 'quick');
    const [quick, other] = await Promise.all([predict('quick'), predict('other')]);
    const ids = await Promise.all([quick, other].map(async (r) => ((await r.json()) as { id: string }).id));
    expect([await finalStatus(ids[0]), await statusOf(ids[1])]).toEqual(['succeeded', 'starting']);
    const refused = await control('/job-duration', undefined, { method: 'PUT', body: JSON.stringify({ ms: null }) });
    expect(refused.status).toBe(400);
  });
});
