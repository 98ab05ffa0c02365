import { pngSize } from './media/png';
import { parsePrefer } from './replicate';
import { startEmulator } from './server';
import type { Emulator } from './types';

const AUTH = { authorization: 'Bearer r8_test', 'content-type': 'application/json' };
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());
afterEach(() => {
  emu.setJobDurationMs(0);
  emu.clearFaults();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${emu.replicateBaseUrl}${path}`, { method: 'POST', headers: { ...AUTH, ...headers }, body: JSON.stringify(body) });
const get = (url: string) => fetch(url, { headers: AUTH });

async function download(url: string): Promise<Buffer> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/png');
  return Buffer.from(await response.arrayBuffer());
}

describe('replicate predictions', () => {
  it('creates without Prefer as "starting" with the spec fields, then GET shows it succeeded', async () => {
    const created = await post('/models/black-forest-labs/flux-pro/predictions', { input: { prompt: 'a cat' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toMatch(/^req_/);
    const p = await created.json();
    expect(p).toMatchObject({ model: 'black-forest-labs/flux-pro', version: 'hidden', status: 'starting', output: null, error: null, data_removed: false, input: { prompt: 'a cat' } });
    expect(p.urls).toEqual({ get: `${emu.replicateBaseUrl}/predictions/${p.id}`, cancel: `${emu.replicateBaseUrl}/predictions/${p.id}/cancel`, web: expect.any(String) });
    expect(typeof p.created_at).toBe('string');
    const done = await (await get(p.urls.get)).json();
    expect(done).toMatchObject({ id: p.id, status: 'succeeded', error: null });
    expect(typeof done.completed_at).toBe('string');
    expect(done.metrics).toEqual({ predict_time: expect.any(Number), total_time: expect.any(Number) });
    expect(done.output).toMatch(new RegExp(`^${emu.url}/files/.+\\.png$`));
    expect(pngSize(await download(done.output))).toEqual({ width: 1024, height: 1024 });
  });

  it('goes starting -> processing -> succeeded over jobDurationMs, with progress logs', async () => {
    emu.setJobDurationMs(250);
    const p = await (await post('/models/black-forest-labs/flux-pro/predictions', { input: { prompt: 'slow', aspect_ratio: '16:9' } })).json();
    const seen: string[] = [p.status];
    let last = p;
    while (!['succeeded', 'failed', 'canceled'].includes(last.status)) {
      await new Promise((r) => setTimeout(r, 10));
      last = await (await get(p.urls.get)).json();
      if (seen[seen.length - 1] !== last.status) seen.push(last.status);
      if (last.status === 'processing') expect(last.logs).toMatch(/^\s*\d+%\|.+\| \d+\/\d+/m);
    }
    expect(seen).toEqual(['starting', 'processing', 'succeeded']);
    expect(pngSize(await download(last.output))).toEqual({ width: 1344, height: 768 });
  });

  it('holds a Prefer: wait create until the job is done', async () => {
    emu.setJobDurationMs(100);
    const started = Date.now();
    const response = await post('/models/black-forest-labs/flux-pro/predictions', { input: { prompt: 'w', width: 512, height: 768, num_outputs: 2 } }, { prefer: 'wait' });
    expect(response.status).toBe(201);
    const p = await response.json();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(p.status).toBe('succeeded');
    expect(p.output).toHaveLength(2);
    expect(pngSize(await download(p.output[1]))).toEqual({ width: 512, height: 768 });
  });

  it('answers Prefer: wait=1 with the current state when the job takes longer', async () => {
    emu.setJobDurationMs(5000);
    const started = Date.now();
    const p = await (await post('/models/x/y/predictions', { input: {} }, { prefer: 'wait=1' })).json();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(p.status).toBe('processing');
    const canceled = await (await fetch(p.urls.cancel, { method: 'POST', headers: AUTH })).json();
    expect(canceled.status).toBe('canceled');
  });

  it('cancels a running prediction, and cancel of a finished one leaves it finished', async () => {
    emu.setJobDurationMs(5000);
    const p = await (await post('/models/black-forest-labs/flux-pro/predictions', { input: { prompt: 'c' } })).json();
    const canceled = await (await fetch(p.urls.cancel, { method: 'POST', headers: AUTH })).json();
    expect(canceled).toMatchObject({ id: p.id, status: 'canceled', output: null });
    expect((await (await get(p.urls.get)).json()).status).toBe('canceled');
    emu.setJobDurationMs(0);
    const q = await (await post('/models/black-forest-labs/flux-pro/predictions', { input: { prompt: 'd' } }, { prefer: 'wait' })).json();
    expect((await (await fetch(q.urls.cancel, { method: 'POST', headers: AUTH })).json()).status).toBe('succeeded');
  });

  it('returns a single URL without num_outputs, an array with it, and the same bytes for the same input', async () => {
    const one = await (await post('/models/acme/any-image/predictions', { input: { prompt: 'same', aspect_ratio: '9:16' } }, { prefer: 'wait' })).json();
    const two = await (await post('/models/acme/any-image/predictions', { input: { prompt: 'same', aspect_ratio: '9:16' } }, { prefer: 'wait' })).json();
    expect(typeof one.output).toBe('string');
    expect(one.output).not.toBe(two.output);
    expect((await download(one.output)).equals(await download(two.output))).toBe(true);
    const many = await (await post('/models/acme/any-image/predictions', { input: { prompt: 'same', num_outputs: 1 } }, { prefer: 'wait' })).json();
    expect(Array.isArray(many.output) && many.output.length).toBe(1);
  });

  it('creates by version through POST /predictions', async () => {
    const p = await (await post('/predictions', { version: 'abc123', input: { prompt: 'v' } }, { prefer: 'wait=5' })).json();
    expect(p).toMatchObject({ version: 'abc123', status: 'succeeded' });
    expect((await post('/predictions', { input: {} })).status).toBe(422);
  });

  it('answers problem JSON for bad input, unknown ids and missing credentials', async () => {
    const invalid = await post('/models/black-forest-labs/flux-pro/predictions', { input: { num_outputs: 9 } });
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body).toMatchObject({ status: 422, title: expect.any(String), detail: expect.stringContaining('input.prompt') });
    expect(body.invalid_fields.map((f: { field: string }) => f.field).sort()).toEqual(['input.num_outputs', 'input.prompt']);
    const missing = await get(`${emu.replicateBaseUrl}/predictions/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ status: 404, title: expect.any(String), detail: expect.any(String) });
    const anonymous = await fetch(`${emu.replicateBaseUrl}/predictions/nope`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('x-request-id')).toBeTruthy();
    expect((await anonymous.json()).status).toBe(401);
    expect((await fetch(`${emu.replicateBaseUrl}/predictions/nope`, { headers: { authorization: 'Bearer ' } })).status).toBe(401);
  });

  it('serves a minimal model object', async () => {
    const model = await (await get(`${emu.replicateBaseUrl}/models/black-forest-labs/flux-pro`)).json();
    expect(model).toMatchObject({ owner: 'black-forest-labs', name: 'flux-pro', visibility: 'public' });
  });

  it('parses the Prefer header', () => {
    expect(parsePrefer(undefined)).toBeUndefined();
    expect(parsePrefer('wait')).toBe(60);
    expect(parsePrefer('wait=5')).toBe(5);
    expect(parsePrefer('wait=600')).toBe(60);
    expect(parsePrefer('respond-async')).toBeUndefined();
  });
});
