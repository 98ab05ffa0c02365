import { FAL_MEDIA } from '../providers/fal/fal-endpoints';
import { REPLICATE_MEDIA } from '../providers/replicate/replicate-models';
import { startEmulator } from '../emulator';
import { EmulatorState } from './state';
import { PROVIDER_MODULES } from '../providers/index';
import type { Emulator } from '../emulator';
import type { RecordedRequest } from '../kernel/types';

const SECRET = 'sk-PLANTED-secret-value-0123456789';
let emu: Emulator;
const lines: string[] = [];

beforeAll(async () => {
  emu = await startEmulator({ log: (line) => lines.push(line) });
});
afterAll(() => emu.stop());
beforeEach(() => {
  emu.clearRequests();
  emu.clearFaults();
});

const control = (path: string, init?: RequestInit) => fetch(`${emu.url}/__emulator${path}`, init);

describe('control API', () => {
  it('reports health with the base URLs', async () => {
    const health = await (await control('/health')).json();
    expect(health).toMatchObject({
      ok: true,
      url: emu.url,
      replicateBaseUrl: emu.replicateBaseUrl,
      falBaseUrl: emu.falBaseUrl,
      openaiBaseUrl: emu.openaiBaseUrl,
    });
  });

  it('lists and clears recorded requests', async () => {
    await fetch(`${emu.openaiBaseUrl}/models`, { headers: { authorization: 'Bearer sk-x' } });
    const listed: RecordedRequest[] = await (await control('/requests')).json();
    expect(listed[0]).toMatchObject({ provider: 'openai', operation: 'models', method: 'GET', path: '/openai/v1/models', status: 200, at: expect.any(Number) });
    expect((await control('/requests', { method: 'DELETE' })).status).toBe(200);
    expect(emu.requests.filter((r) => r.provider !== 'control')).toEqual([]);
  });

  it('injects, lists and clears faults; rejects invalid ones', async () => {
    const created = await control('/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'openai', kind: 'status', status: 429, times: null }),
    });
    expect(created.status).toBe(201);
    const models = () => fetch(`${emu.openaiBaseUrl}/models`, { headers: { authorization: 'Bearer sk-x' } });
    expect((await models()).status).toBe(429);
    expect((await models()).status).toBe(429);
    expect(await (await control('/faults')).json()).toEqual([expect.objectContaining({ provider: 'openai', kind: 'status', times: null })]);
    expect((await control('/faults', { method: 'DELETE' })).status).toBe(200);
    expect((await models()).status).toBe(200);
    const invalid = await control('/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'openai', kind: 'explode' }),
    });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error).toMatch(/kind/);
  });

  it('sets the job duration', async () => {
    expect((await control('/job-duration', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"ms":25}' })).status).toBe(200);
    expect((await (await control('/health')).json()).jobDurationMs).toBe(25);
    expect((await control('/job-duration', { method: 'PUT', body: '{"ms":-1}' })).status).toBe(400);
    emu.setJobDurationMs(0);
  });

  it('derives realistic job times per model: a tenth of the typical real time, at least 1 s', () => {
    const state = new EmulatorState('http://127.0.0.1:1', 'realistic', PROVIDER_MODULES);
    expect(state.jobDurationFor(FAL_MEDIA['fal-ai/veo3/fast'].typicalMs)).toBe(4000);
    expect(state.jobDurationFor(REPLICATE_MEDIA['black-forest-labs/flux-schnell'].typicalMs)).toBe(1000);
    state.jobDurationMs = 0;
    expect(state.jobDurationFor(FAL_MEDIA['fal-ai/veo3/fast'].typicalMs)).toBe(0);
  });

  it('takes a JSON body whatever its content type (curl -d sends a form type), and says what is wrong with one that is not JSON', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const fault = await control('/faults', { method: 'POST', headers: form, body: '{"provider":"fal","kind":"status","status":500}' });
    expect(fault.status).toBe(201);
    expect(await (await control('/faults')).json()).toEqual([expect.objectContaining({ provider: 'fal', kind: 'status', status: 500 })]);
    const bad = await control('/faults', { method: 'POST', headers: form, body: 'provider=fal' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^the body is not JSON \(.+\): "provider=fal"$/);
    const empty = await control('/job-duration', { method: 'PUT' });
    expect(await empty.json()).toEqual({ error: 'the body is empty: send a JSON object' });
  });

  it('registers a model by output kind and takes a realistic job duration', async () => {
    const registered = await control('/models', { method: 'POST', body: JSON.stringify({ provider: 'fal', model: 'acme/tts', output: 'audio' }) });
    expect(registered.status).toBe(201);
    expect(await (await control('/models')).json()).toEqual([{ provider: 'fal', model: 'acme/tts', output: 'audio' }]);
    const invalid = await control('/models', { method: 'POST', body: JSON.stringify({ provider: 'openai', model: 'x', output: 'audio' }) });
    expect((await invalid.json()).error).toContain('provider must be');
    const realistic = await control('/job-duration', { method: 'PUT', body: JSON.stringify({ ms: 'realistic' }) });
    expect(await realistic.json()).toEqual({ ok: true, jobDurationMs: 'realistic' });
    emu.setJobDurationMs(0);
  });

  it('records unknown paths and answers 404 without crashing', async () => {
    expect((await fetch(`${emu.url}/nowhere`)).status).toBe(404);
    const wrong = await fetch(`${emu.url}/replicate/models/a/b/predictions`, { method: 'POST', headers: { authorization: 'Bearer x' } });
    expect(wrong.status).toBe(404);
    expect(emu.requestsFor('replicate')).toEqual([expect.objectContaining({ operation: 'unknown', status: 404 })]);
  });
});

describe('request log redaction', () => {
  it('never stores a key: authorization, x-api-key and token query parameters are redacted', async () => {
    await fetch(`${emu.replicateBaseUrl}/models/a/b/predictions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'x-api-key': SECRET, 'content-type': 'application/json' },
      body: JSON.stringify({ input: { prompt: 'p' } }),
    });
    await fetch(`${emu.falBaseUrl}/queue/fal-ai/nano-banana?fal_jwt_token=${SECRET}`, {
      method: 'POST',
      headers: { authorization: `Key ${SECRET}` },
      body: '{}',
    });
    await fetch(`${emu.openaiBaseUrl}/models`, { headers: { authorization: `Bearer ${SECRET}`, 'api-key': SECRET } });
    const fromApi = await (await control('/requests')).text();
    expect(emu.requests.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(emu.requests)).not.toContain(SECRET);
    expect(fromApi).not.toContain(SECRET);
    expect(lines.join('\n')).not.toContain(SECRET);
    const [replicate] = emu.requestsFor('replicate');
    expect(replicate.headers).toMatchObject({ authorization: '[REDACTED]', 'x-api-key': '[REDACTED]', 'content-type': 'application/json' });
    expect(replicate.body).toEqual({ input: { prompt: 'p' } });
    expect(emu.requestsFor('fal')[0].query).toEqual({ fal_jwt_token: '[REDACTED]' });
  });

  it('records raw bodies by size', async () => {
    const init = await (
      await fetch(`${emu.falBaseUrl}/rest/storage/upload/initiate`, {
        method: 'POST',
        headers: { authorization: 'Key k', 'content-type': 'application/json' },
        body: JSON.stringify({ content_type: 'application/octet-stream', file_name: 'x.bin' }),
      })
    ).json();
    await fetch(init.upload_url, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: Buffer.alloc(1234) });
    expect(emu.requestsFor('fal').map((r) => [r.operation, r.body])).toEqual([
      ['upload-initiate', { content_type: 'application/octet-stream', file_name: 'x.bin' }],
      ['upload', { size: 1234 }],
    ]);
  });
});

describe('control API: snapshots', () => {
  it('serves a model from a snapshot posted by any client, and lists it', async () => {
    const emulator = await startEmulator({ referenceSnapshots: false });
    try {
      const control = `${emulator.url}/__emulator/snapshots`;
      const refused = await fetch(control, { method: 'POST', body: JSON.stringify({ provider: 'acme', model: 'x', document: {} }) });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toMatch(/^snapshot provider: one of /);
      const document = {
        latest_version: {
          openapi_schema: { components: { schemas: { Input: { type: 'object', required: ['prompt'], properties: { prompt: { type: 'string' } } } } } },
        },
      };
      const added = await fetch(control, { method: 'POST', body: JSON.stringify([{ provider: 'replicate', model: 'acme/posted', document }]) });
      expect(added.status).toBe(201);
      expect(await (await fetch(control)).json()).toEqual([{ provider: 'replicate', model: 'acme/posted' }]);
      const created = await fetch(`${emulator.replicateBaseUrl}/models/acme/posted/predictions`, {
        method: 'POST',
        headers: { authorization: 'Bearer r8_x', 'content-type': 'application/json' },
        body: JSON.stringify({ input: {} }),
      });
      expect(created.status).toBe(422);
      expect(((await created.json()) as { invalid_fields: unknown[] }).invalid_fields).toEqual([
        { type: 'required', field: 'input', description: 'prompt is required' },
      ]);
    } finally {
      await emulator.stop();
    }
  });
});
