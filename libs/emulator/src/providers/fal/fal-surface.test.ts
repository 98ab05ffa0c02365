import { ApiError, createFalClient, type FalClient } from '@fal-ai/client';
import { pngSize } from '../../kernel/media/png';
import { startEmulator, type Emulator } from '../../emulator';
import { rewriteFalUrl } from './rewrite';

// @fal-ai/client against the emulator. sync_mode from the endpoint schemas (fal-js PR 212, see
// /work/shared/provider-specs/SOURCES.md); X-Fal-Request-Timeout from fal's "common parameters" page
// (a time-to-start deadline: 504 with X-Fal-Request-Timeout-Type: user when no runner started in time).
let emu: Emulator;
let fal: FalClient;

beforeAll(async () => {
  emu = await startEmulator();
  fal = createFalClient({
    credentials: 'fal_id:fal_secret',
    requestMiddleware: async (request) => ({ ...request, url: rewriteFalUrl(request.url, emu.falBaseUrl) }),
  });
});
afterAll(() => emu.stop());
afterEach(() => emu.setJobDurationMs(0));

describe('fal sync_mode', () => {
  it('answers media as data URIs with sync_mode: true, and as emulator URLs without it', async () => {
    const inline = await fal.subscribe('fal-ai/flux/dev', { input: { prompt: 'a cat', sync_mode: true } });
    const url = (inline.data as { images: Array<{ url: string }> }).images[0].url;
    expect(url).toMatch(/^data:image\/png;base64,/);
    expect(pngSize(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'))).toEqual({ width: 1024, height: 768 });
    const linked = await fal.run('fal-ai/flux/dev', { input: { prompt: 'a cat' } });
    expect((linked.data as { images: Array<{ url: string }> }).images[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
  });
});

describe('fal X-Fal-Request-Timeout', () => {
  it('answers a sync run not started by the deadline with 504 and X-Fal-Request-Timeout-Type: user', async () => {
    emu.setJobDurationMs(20_000); // queued for 4 s
    const arrived = emu.nextRequest({ provider: 'fal', operation: 'run' });
    const run = fal.run('fal-ai/flux/dev', { input: { prompt: 'a cat' }, startTimeout: 2 }).catch((e: unknown) => e);
    const request = await arrived;
    expect(request.headers['x-fal-request-timeout']).toBe('2');
    emu.advanceClock(2_000);
    const error = await run;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError<unknown>).status).toBe(504);
    expect((error as ApiError<unknown>).isUserTimeout).toBe(true);
  });

  it('times out a queued request at its deadline (status COMPLETED with the error, result 504), and not one that started in time', async () => {
    emu.setJobDurationMs(20_000);
    const late = await fal.queue.submit('fal-ai/flux/dev', { input: { prompt: 'late' }, startTimeout: 2 });
    const early = await fal.queue.submit('fal-ai/nano-banana', { input: { prompt: 'early' }, startTimeout: 5 });
    emu.advanceClock(2_000);
    const status = await fal.queue.status('fal-ai/flux/dev', { requestId: late.request_id });
    expect(status).toMatchObject({ status: 'COMPLETED', error_type: 'request_timeout' });
    const result = await fal.queue.result('fal-ai/flux/dev', { requestId: late.request_id }).catch((e: unknown) => e);
    expect((result as ApiError<unknown>).isUserTimeout).toBe(true);
    emu.advanceClock(20_000);
    expect((await fal.queue.status('fal-ai/nano-banana', { requestId: early.request_id })).status).toBe('COMPLETED');
    expect((await fal.queue.result('fal-ai/nano-banana', { requestId: early.request_id })).data).toHaveProperty('images');
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
