import { pngSize } from '../../kernel/media/png';
import { startEmulator, type Emulator } from '../../emulator';

// Raw HTTP as @fal-ai/client sends it (the emulator declares no SDK: an SDK bump must not mark it
// affected; the client's startTimeout becomes X-Fal-Request-Timeout, and its ApiError.isUserTimeout is
// a 504 with X-Fal-Request-Timeout-Type: user). sync_mode from the endpoint schemas (fal-js PR 212, see
// /work/shared/provider-specs/SOURCES.md); X-Fal-Request-Timeout from fal's "common parameters" page
// (a time-to-start deadline: 504 with X-Fal-Request-Timeout-Type: user when no runner started in time).
let emu: Emulator;
const AUTH = { authorization: 'Key fal_id:fal_secret', 'content-type': 'application/json' };

beforeAll(async () => {
  emu = await startEmulator();
});

const post = (path: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${emu.falBaseUrl}/${path}`, { method: 'POST', headers: { ...AUTH, ...headers }, body: JSON.stringify(input) });
const get = (path: string) => fetch(`${emu.falBaseUrl}/queue/${path}`, { headers: AUTH });
const submit = async (endpoint: string, input: unknown, headers: Record<string, string> = {}) =>
  ((await (await post(`queue/${endpoint}`, input, headers)).json()) as { request_id: string }).request_id;
afterAll(() => emu.stop());
afterEach(() => emu.setJobDurationMs(0));

describe('fal sync_mode', () => {
  it('answers media as data URIs with sync_mode: true, and as emulator URLs without it', async () => {
    const id = await submit('fal-ai/flux/dev', { prompt: 'a cat', sync_mode: true });
    const inline = (await (await get(`fal-ai/flux/requests/${id}`)).json()) as { images: Array<{ url: string }> };
    const url = inline.images[0].url;
    expect(url).toMatch(/^data:image\/png;base64,/);
    expect(pngSize(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'))).toEqual({ width: 1024, height: 768 });
    const linked = (await (await post('run/fal-ai/flux/dev', { prompt: 'a cat' })).json()) as { images: Array<{ url: string }> };
    expect(linked.images[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
  });
});

describe('fal X-Fal-Request-Timeout', () => {
  it('answers a sync run not started by the deadline with 504 and X-Fal-Request-Timeout-Type: user', async () => {
    emu.setJobDurationMs(20_000); // queued for 4 s
    const arrived = emu.nextRequest({ provider: 'fal', operation: 'run' });
    const run = post('run/fal-ai/flux/dev', { prompt: 'a cat' }, { 'x-fal-request-timeout': '2' });
    await arrived;
    emu.advanceClock(2_000);
    const response = await run;
    expect(response.status).toBe(504);
    expect(response.headers.get('x-fal-request-timeout-type')).toBe('user');
    expect(await response.json()).toMatchObject({ error_type: 'request_timeout' });
  });

  it('times out a queued request at its deadline (status COMPLETED with the error, result 504), and not one that started in time', async () => {
    emu.setJobDurationMs(20_000);
    const late = await submit('fal-ai/flux/dev', { prompt: 'late' }, { 'x-fal-request-timeout': '2' });
    const early = await submit('fal-ai/nano-banana', { prompt: 'early' }, { 'x-fal-request-timeout': '5' });
    expect((await (await get(`fal-ai/flux/requests/${late}/status`)).json()).status).toBe('IN_QUEUE');
    emu.advanceClock(2_000);
    expect(await (await get(`fal-ai/flux/requests/${late}/status`)).json()).toMatchObject({ status: 'COMPLETED', error_type: 'request_timeout' });
    const result = await get(`fal-ai/flux/requests/${late}`);
    expect([result.status, result.headers.get('x-fal-request-timeout-type')]).toEqual([504, 'user']);
    emu.advanceClock(20_000);
    expect((await (await get(`fal-ai/nano-banana/requests/${early}/status`)).json()).status).toBe('COMPLETED');
    expect(await (await get(`fal-ai/nano-banana/requests/${early}`)).json()).toHaveProperty('images');
  });

  it('names a bad header value', async () => {
    const response = await fetch(`${emu.falBaseUrl}/queue/fal-ai/flux/dev`, {
      method: 'POST',
      headers: { authorization: 'Key a:b', 'content-type': 'application/json', 'x-fal-request-timeout': 'soon' },
      body: '{"prompt":"x"}',
    });
    expect(response.status).toBe(422);
    expect((await response.json()).detail).toContain('x-fal-request-timeout');
  });
});

describe('fal bare owner path', () => {
  it.each(['queue', 'run'])('answers POST /%s/<owner> with a plain-text 404', async (mount) => {
    const response = await fetch(`${emu.falBaseUrl}/${mount}/fal-ai`, { method: 'POST', headers: { authorization: 'Key a:b' }, body: '{}' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  });
});
