import { pngSize } from '../../kernel/media/png';
import { parsePrefer } from './replicate';
import { startEmulator } from '../../emulator';
import type { Emulator } from '../../emulator';

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
    expect(p).toMatchObject({
      model: 'black-forest-labs/flux-pro',
      version: 'hidden',
      status: 'starting',
      output: null,
      error: null,
      data_removed: false,
      input: { prompt: 'a cat' },
    });
    expect(p.urls).toEqual({
      get: `${emu.replicateBaseUrl}/predictions/${p.id}`,
      cancel: `${emu.replicateBaseUrl}/predictions/${p.id}/cancel`,
      stream: `${emu.replicateBaseUrl}/streams/${p.id}`,
      web: expect.any(String),
    });
    expect(created.headers.get('preference-applied')).toBeNull();
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

  it('holds a Prefer: wait create until the job is done and says so in Preference-Applied', async () => {
    emu.setJobDurationMs(100);
    const response = await post(
      '/models/black-forest-labs/flux-schnell/predictions',
      { input: { prompt: 'w', aspect_ratio: '2:3', num_outputs: 2 } },
      { prefer: 'wait' },
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('preference-applied')).toBe('wait=60');
    const p = await response.json();
    expect(p.status).toBe('succeeded');
    expect(p.output).toHaveLength(2);
    expect(pngSize(await download(p.output[1]))).toEqual({ width: 832, height: 1248 });
  });

  it('answers 202 with Location and Reason when the Prefer: wait runs out on its clock, and the job goes on', async () => {
    emu.setJobDurationMs(5000);
    const arrived = emu.nextRequest({ provider: 'replicate', operation: 'submit' });
    const answer = post('/models/black-forest-labs/flux-pro/predictions', { input: { prompt: 'slow' } }, { prefer: 'wait=1' });
    expect((await arrived).headers.prefer).toBe('wait=1');
    // The hold ends when the emulator's clock has moved a second, not after a second of waiting.
    emu.advanceClock(1000);
    const response = await answer;
    expect(response.status).toBe(202);
    const p = await response.json();
    expect(response.headers.get('location')).toBe(p.urls.get);
    expect(response.headers.get('preference-applied')).toBe('wait=1');
    expect(response.headers.get('reason')).toBe('wait time exceeded');
    expect(p).toMatchObject({ status: 'processing', output: null, started_at: expect.any(String) });
    const canceled = await (await fetch(p.urls.cancel, { method: 'POST', headers: AUTH })).json();
    expect(canceled).toMatchObject({ status: 'canceled', webhook_completed: null, logs: expect.any(String) });
  });

  it('answers a cancel before the start with logs null and started_at, as Replicate does', async () => {
    emu.setJobDurationMs(5000);
    const p = await (await post('/models/black-forest-labs/flux-pro/predictions', { input: { prompt: 'c' } })).json();
    const canceled = await (await fetch(p.urls.cancel, { method: 'POST', headers: AUTH })).json();
    expect(canceled).toMatchObject({ status: 'canceled', logs: null, output: null, webhook_completed: null });
    expect(canceled.started_at).toBe(canceled.completed_at);
    expect(canceled.metrics).toEqual({ predict_time: 0, total_time: expect.any(Number) });
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

  it('answers each model in its own output shape: flux-pro one URL, flux-schnell a list, the same bytes for the same input, others for another', async () => {
    const one = await (
      await post('/models/black-forest-labs/flux-pro/predictions', { input: { prompt: 'same', aspect_ratio: '9:16' } }, { prefer: 'wait' })
    ).json();
    const two = await (
      await post('/models/black-forest-labs/flux-pro/predictions', { input: { prompt: 'same', aspect_ratio: '9:16' } }, { prefer: 'wait' })
    ).json();
    expect(typeof one.output).toBe('string');
    expect(one.output).not.toBe(two.output);
    expect((await download(one.output)).equals(await download(two.output))).toBe(true);
    const other = await (
      await post('/models/black-forest-labs/flux-pro/predictions', { input: { prompt: 'other', aspect_ratio: '9:16' } }, { prefer: 'wait' })
    ).json();
    expect((await download(one.output)).equals(await download(other.output))).toBe(false);
    const schnell = await (await post('/models/black-forest-labs/flux-schnell/predictions', { input: { prompt: 'same' } }, { prefer: 'wait' })).json();
    expect(Array.isArray(schnell.output) && schnell.output.length).toBe(1);
  });

  it('answers a video model with an MP4 and a language model with a list of tokens', async () => {
    const video = await (await post('/models/minimax/video-01/predictions', { input: { prompt: 'waves' } }, { prefer: 'wait' })).json();
    const mp4 = await fetch(video.output);
    expect(mp4.headers.get('content-type')).toBe('video/mp4');
    expect(
      Buffer.from(await mp4.arrayBuffer())
        .subarray(4, 8)
        .toString('latin1'),
    ).toBe('ftyp');
    const llm = await (await post('/models/meta/meta-llama-3-8b-instruct/predictions', { input: { prompt: 'a haiku' } }, { prefer: 'wait' })).json();
    expect(llm.output.every((t: unknown) => typeof t === 'string')).toBe(true);
    expect(llm.output.join('')).toContain('a haiku');
  });

  it('answers 404 for a model it does not know, unless a test registered its output kind', async () => {
    const unknown = await post('/models/acme/new-video/predictions', { input: { prompt: 'x' } }, { prefer: 'wait' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect((await get(`${emu.replicateBaseUrl}/models/acme/new-video`)).status).toBe(404);
    emu.registerModel({ provider: 'replicate', model: 'acme/new-video', output: 'video' });
    const p = await (await post('/models/acme/new-video/predictions', { input: { anything: 1 } }, { prefer: 'wait' })).json();
    expect((await fetch(p.output)).headers.get('content-type')).toBe('video/mp4');
  });

  it('creates by version through POST /predictions; an unregistered bare version fails naming the gap', async () => {
    const unknown = await (await post('/predictions', { version: 'abc123', input: { prompt: 'v' } }, { prefer: 'wait=5' })).json();
    expect(unknown).toMatchObject({ version: 'abc123', status: 'failed', output: null, error: expect.stringContaining('/__emulator/models') });
    emu.registerModel({ provider: 'replicate', model: 'abc123', output: 'image' });
    const known = await (await post('/predictions', { version: 'abc123', input: { prompt: 'v' } }, { prefer: 'wait=5' })).json();
    expect(known).toMatchObject({ version: 'abc123', status: 'succeeded', output: expect.stringMatching(/\.png$/) });
    const named = await (await post('/predictions', { version: 'black-forest-labs/flux-pro:v1', input: { prompt: 'v' } }, { prefer: 'wait=5' })).json();
    expect(named).toMatchObject({ model: 'black-forest-labs/flux-pro', version: 'v1', status: 'succeeded' });
    const missing = await post('/predictions', { input: {} });
    expect(missing.status).toBe(422);
    expect((await missing.json()).invalid_fields).toEqual([{ type: 'required', field: '', description: 'version is required' }]);
  });

  it('refuses an unknown top-level field with 422 problem+json naming it (Replicate validates the request body)', async () => {
    const response = await post('/models/black-forest-labs/flux-schnell/predictions', { provider: 'x', input: { prompt: 'p' } }, { prefer: 'wait' });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('preference-applied')).toBe('wait=60');
    expect(await response.json()).toEqual({
      title: 'Input validation failed',
      status: 422,
      detail: '- Additional property provider is not allowed\n',
      invalid_fields: [{ type: 'additional_property_not_allowed', field: '', description: 'Additional property provider is not allowed' }],
    });
    expect(emu.requestsFor('replicate').at(-1)).toMatchObject({ operation: 'submit', status: 422 });
  });

  it('streams the output as server-sent events at urls.stream', async () => {
    emu.setJobDurationMs(50);
    const p = await (await post('/models/meta/meta-llama-3-8b-instruct/predictions', { input: { prompt: 'hi' } })).json();
    const text = await (await get(p.urls.stream)).text();
    expect(text).toMatch(/^event: output\nid: 0\ndata: Emulated\n\n/);
    expect(text.endsWith('event: done\ndata: {}\n\n')).toBe(true);
  });

  it('answers problem JSON for bad input, unknown ids and missing credentials', async () => {
    const invalid = await post('/models/black-forest-labs/flux-schnell/predictions', { input: { num_outputs: 9, aspect_ratio: '7:3' } });
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body).toMatchObject({
      status: 422,
      title: 'Input validation failed',
      detail: expect.stringContaining('- input.num_outputs: Must be less than or equal to 4\n'),
    });
    expect(body.invalid_fields).toEqual([
      { type: 'required', field: 'input', description: 'prompt is required' },
      { type: 'enum', field: 'input.aspect_ratio', description: expect.stringContaining("input.aspect_ratio must be one of the following: '1:1'") },
      { type: 'number_lte', field: 'input.num_outputs', description: 'Must be less than or equal to 4' },
    ]);
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
