import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { CanceledError, ProviderError, TimeoutError } from './errors';
import { createProviderFetch, downloadBytes, recordingSleep, retryAfterMs } from './http';
import { registerSecret } from './secrets';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

describe('provider fetch policy', () => {
  let server: Server;
  let base: string;
  let handler: Handler;
  let hits: number;

  beforeAll(async () => {
    server = createServer((req, res) => handler(req, res, ++hits));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));
  beforeEach(() => (hits = 0));

  const fast = { baseDelayMs: 1, maxDelayMs: 2 };

  it('retries a 429 after the Retry-After the provider asked for, even on POST', async () => {
    handler = (_req, res, n) => {
      if (n === 1) res.writeHead(429, { 'retry-after': '1', 'x-request-id': 'r1' }).end('{"detail":"slow down"}');
      else res.writeHead(201).end('{}');
    };
    const { sleep, delays } = recordingSleep();
    const f = createProviderFetch({ provider: 'replicate', retry: { ...fast, sleep } });
    const response = await f(`${base}/create`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(201);
    expect(hits).toBe(2);
    expect(delays).toEqual([1000]);
  });

  it('returns at once when Retry-After is longer than it will wait', async () => {
    handler = (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end('{"detail":"come back later"}');
    const { sleep, delays } = recordingSleep();
    const error = await createProviderFetch({ provider: 'fal', retry: { ...fast, maxRetryAfterMs: 30_000, sleep } })(`${base}/x`).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 120 });
    expect(hits).toBe(1);
    expect(delays).toEqual([]);
  });

  it('does not repeat a POST that failed with 5xx (it may have started a billed job)', async () => {
    handler = (_req, res) => res.writeHead(500, { 'x-request-id': 'req-500' }).end('{"title":"boom"}');
    const f = createProviderFetch({ provider: 'replicate', retry: fast });
    const error = await f(`${base}/create`, { method: 'POST' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 500, requestId: 'req-500', provider: 'replicate' });
    expect(hits).toBe(1);
  });

  it('retries GETs on 5xx with backoff and gives up after maxAttempts with a typed error', async () => {
    handler = (_req, res) => res.writeHead(503, { 'x-request-id': 'req-503' }).end('unavailable');
    const retries: string[] = [];
    const { sleep, delays } = recordingSleep();
    // Backoff doubles from baseDelayMs (with jitter: half to all of it), capped at maxDelayMs.
    const retry = { baseDelayMs: 100, maxDelayMs: 150, maxAttempts: 3, sleep };
    const f = createProviderFetch({ provider: 'fal', retry, onRetry: (i) => retries.push(i.reason) });
    const error = await f(`${base}/status`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', status: 503, requestId: 'req-503' });
    expect(hits).toBe(3);
    expect(retries).toEqual(['status 503', 'status 503']);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThanOrEqual(100);
    expect(delays[1]).toBeGreaterThanOrEqual(75);
    expect(delays[1]).toBeLessThanOrEqual(150);
  });

  it.each([
    ['reset (ECONNRESET)', (socket: Socket) => socket.resetAndDestroy()],
    ['hang-up (other side closed)', (socket: Socket) => socket.destroy()],
  ])('a submit POST cut by a %s after the request was read: not retryable, the job may exist', async (_name, cut) => {
    let requests = 0;
    // A raw socket server: it reads the whole request (headers and body), then breaks the connection.
    const tcp = createTcpServer((socket) => {
      let seen = '';
      socket.on('data', (chunk) => {
        seen += chunk.toString();
        const end = seen.indexOf('\r\n\r\n');
        const length = Number(/content-length: *(\d+)/i.exec(seen)?.[1] ?? 0);
        if (end >= 0 && seen.length >= end + 4 + length) {
          requests++;
          cut(socket);
        }
      });
    });
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
    try {
      const f = createProviderFetch({ provider: 'replicate', retry: fast });
      const url = `http://127.0.0.1:${(tcp.address() as AddressInfo).port}/v1/predictions`;
      const error = await f(url, { method: 'POST', body: '{"input":{}}' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ provider: 'replicate', retryable: false });
      expect((error as Error).message).toMatch(/the job may already exist and be billed; resubmitting is not safe: check the replicate dashboard/);
      expect(requests).toBe(1);
    } finally {
      await new Promise<void>((r) => tcp.close(() => r()));
    }
  });

  it('gives an SDK that repeats the same request the settled outcome without a new request', async () => {
    handler = (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end('{}');
    const f = createProviderFetch({ provider: 'replicate', retry: fast });
    const init = { method: 'POST' };
    const first = await f(`${base}/create`, init).catch((e: unknown) => e);
    const second = await f(`${base}/create`, init).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(ProviderError);
    expect(second).toBe(first);
    expect(hits).toBe(1);
  });

  it('puts a deadline on every attempt', async () => {
    handler = () => undefined; // never answers
    const f = createProviderFetch({ provider: 'openai', retry: { ...fast, attemptTimeoutMs: 100 } });
    const error = await f(`${base}/slow`, { method: 'POST' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('turns an abort into CanceledError', async () => {
    handler = () => undefined;
    const controller = new AbortController();
    const f = createProviderFetch({ provider: 'openai', signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(f(`${base}/slow`)).rejects.toBeInstanceOf(CanceledError);
  });

  it("lays a per-request policy (retryFor, by method and URL) over the fetch's own", async () => {
    handler = (_req, res) => res.writeHead(503).end('busy');
    const f = createProviderFetch({
      provider: 'replicate',
      retry: fast,
      retryFor: (_method, url) => (url.endsWith('/cancel') ? { maxAttempts: 2 } : undefined),
    });
    await expect(f(`${base}/job/cancel`)).rejects.toMatchObject({ status: 503 });
    expect(hits).toBe(2);
    hits = 0;
    await expect(f(`${base}/job`)).rejects.toMatchObject({ status: 503 });
    expect(hits).toBe(4);
  });

  it('retries a truncated download and returns the whole body', async () => {
    handler = (_req, res, n) => {
      res.writeHead(200, { 'content-length': '10', 'content-type': 'image/png' });
      if (n === 1) {
        res.write('12345');
        res.destroy();
      } else res.end('0123456789');
    };
    const { bytes, contentType } = await downloadBytes(`${base}/out.png`, { provider: 'fal', retry: fast });
    expect(Buffer.from(bytes).toString()).toBe('0123456789');
    expect(contentType).toBe('image/png');
    expect(hits).toBe(2);
  });

  it('keeps the job id on a download that keeps failing', async () => {
    handler = (_req, res) => res.writeHead(404).end('gone');
    const error = await downloadBytes(`${base}/out.png`, { provider: 'replicate', jobId: 'pred-1', retry: fast }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', status: 404, jobId: 'pred-1' });
  });

  it('says how many attempts it really made (a 404 is tried twice, not four times)', async () => {
    handler = (_req, res) => res.writeHead(404).end('gone');
    const error = await downloadBytes(`${base}/out.png`, { provider: 'replicate', retry: fast }).catch((e: unknown) => e);
    expect(hits).toBe(2);
    expect((error as Error).message).toMatch(/^replicate: output download failed after 2 attempts: gone \(status 404\)$/);
  });

  it('backs a download off by the Retry-After of a 429 (the same loop as requests), not its own minute-long backoff', async () => {
    handler = (_req, res, n) => (n === 1 ? res.writeHead(429, { 'retry-after-ms': '5' }).end('{"detail":"slow down"}') : res.writeHead(200).end('ok'));
    const { sleep, delays } = recordingSleep();
    const { bytes } = await downloadBytes(`${base}/out.png`, { provider: 'fal', retry: { baseDelayMs: 60_000, maxDelayMs: 60_000, sleep } });
    expect(Buffer.from(bytes).toString()).toBe('ok');
    expect(hits).toBe(2);
    expect(delays).toEqual([5]);
  });

  it('tries a download that keeps answering 503 maxAttempts times, then names the attempts', async () => {
    handler = (_req, res) => res.writeHead(503).end('busy');
    const error = await downloadBytes(`${base}/out.png`, { provider: 'fal', retry: { ...fast, maxAttempts: 3 } }).catch((e: unknown) => e);
    expect(hits).toBe(3);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', status: 503 });
    expect((error as Error).message).toMatch(/output download failed after 3 attempts: busy/);
  });

  it('cuts an endless output stream at the cap instead of filling memory, and does not retry it', async () => {
    const block = Buffer.alloc(64 * 1024);
    handler = (req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      const pump = () => {
        while (!res.destroyed && res.write(block));
      };
      res.on('drain', pump);
      req.on('close', () => res.destroy());
      pump();
    };
    const error = await downloadBytes(`${base}/endless.png`, { provider: 'fal', jobId: 'req-9', retry: fast, maxBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', jobId: 'req-9', retryable: false, message: expect.stringMatching(/larger than the 1 MiB allowed/) });
    expect(hits).toBe(1);
  });

  it('refuses an output whose content-length is over the cap without reading it', async () => {
    handler = (_req, res) => res.writeHead(200, { 'content-length': String(4 * 1024 * 1024) }).end(Buffer.alloc(4 * 1024 * 1024));
    const error = await downloadBytes(`${base}/big.png`, { provider: 'fal', retry: fast, maxBytes: 1024 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', message: expect.stringMatching(/larger than/) });
  });

  it('redacts a fragment of a registered key that the provider echoes in its request id and body', async () => {
    const key = 'r8_EchoedFragmentKey_0123456789abcdef';
    registerSecret(key);
    const fragment = key.slice(4, 20);
    handler = (_req, res) => res.writeHead(400, { 'x-request-id': `req-${fragment}` }).end(JSON.stringify({ detail: `bad token ${key.slice(2, 14)}` }));
    const error = (await createProviderFetch({ provider: 'replicate', retry: fast })(`${base}/create`, { method: 'POST', body: '{}' }).catch(
      (e: unknown) => e,
    )) as ProviderError;
    expect(error).toBeInstanceOf(ProviderError);
    const shown = JSON.stringify({ message: error.message, requestId: error.requestId });
    for (let i = 0; i + 8 <= key.length; i++) expect(shown).not.toContain(key.slice(i, i + 8));
    expect(error.requestId).toBe('req-[REDACTED]');
  });

  it('reads Retry-After in seconds, milliseconds and HTTP dates', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '150' }))).toBe(150);
    const date = new Date(Date.now() + 5000).toUTCString();
    expect(retryAfterMs(new Headers({ 'retry-after': date }))).toBeGreaterThan(3000);
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });
});
