import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APIConnectionTimeoutError } from 'openai';
import { mapOpenAIError } from './openai-error';
import { CanceledError, MissingKeyError, ProviderError, recordingSleep, TimeoutError, silentWav } from '@boards/core';
import { createTestContext, describeKeySources, useEmulator, type TestContextOptions } from '@boards/testing';
import { generateOpenAIImages, transcribeWithOpenAI } from './openai-operations';

const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 } };
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );
const wav = `data:audio/wav;base64,${Buffer.from(silentWav(2)).toString('base64')}`;

describe('openai adapter', () => {
  const emulator = useEmulator();
  const context = (options: TestContextOptions = {}) => createTestContext({ settings: emulator.settings, ...options });
  const calls = (op: string) => emulator.current.requestsFor('openai').filter((r) => r.operation === op);

  it('stores b64_json images of the requested size and reports token usage', async () => {
    const ctx = context();
    const artifacts = await generateOpenAIImages({ model: 'gpt-image-2', prompt: 'a', size: '1536x1024', n: 2 }, ctx, fast);
    expect(artifacts).toEqual([
      expect.objectContaining({ type: 'image', width: 1536, height: 1024 }),
      expect.objectContaining({ type: 'image', width: 1536, height: 1024 }),
    ]);
    expect(ctx.actualCosts[0].reported).toMatch(/input_tokens=\d+ output_tokens=\d+/);
  });

  it.each([
    ['an HTML page', '<!doctype html><html><body>Service Unavailable</body></html>'],
    ['nothing', ''],
  ])('refuses %s as an image, naming the request (billed, nothing stored)', async (_what, body) => {
    const server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_planted_html' });
      res.end(JSON.stringify({ created: 1, data: [{ b64_json: Buffer.from(body).toString('base64') }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
      const ctx = createTestContext({ settings: { providers: { openai: { apiKey: 'sk-test-html', baseUrl: base } } } });
      const error = await failure(generateOpenAIImages({ model: 'gpt-image-2', prompt: 'a' }, ctx, fast));
      expect(error).toMatchObject({
        code: 'PROVIDER_ERROR',
        requestId: 'req_planted_html',
        message: expect.stringMatching(/not valid media: .*billed, not stored.*request req_planted_html/),
      });
      expect(existsSync(ctx.store.root) ? readdirSync(ctx.store.root, { recursive: true }) : []).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('sends audio as multipart and stores the transcript', async () => {
    const artifact = await transcribeWithOpenAI({ model: 'whisper-1', file: wav, response_format: 'text' }, context(), fast);
    expect(artifact.type).toBe('text');
    expect(calls('transcription')[0].body).toMatchObject({ fields: { model: 'whisper-1', response_format: 'text' } });
  });

  it('retries a 429 after retry-after, and with backoff without one (nothing was processed)', async () => {
    emulator.current.injectFault({ provider: 'openai', operation: 'images', kind: 'status', status: 429, retryAfterSeconds: 1 });
    emulator.current.injectFault({ provider: 'openai', operation: 'images', kind: 'status', status: 429 });
    // The waits are recorded, not spent: the first is the retry-after, the second the backoff (half to all of 100 ms).
    const { sleep, delays } = recordingSleep();
    await generateOpenAIImages({ model: 'gpt-image-2', prompt: 'a' }, context(), { retry: { baseDelayMs: 100, maxDelayMs: 100, sleep } });
    expect(calls('images')).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBe(1000);
    expect(delays[1]).toBeGreaterThanOrEqual(50);
    expect(delays[1]).toBeLessThanOrEqual(100);
  });

  it.each([500, 502, 503])('does not repeat a paid POST after %i: typed error with request id', async (status) => {
    emulator.current.injectFault({ provider: 'openai', operation: 'images', kind: 'status', status });
    const error = await failure(generateOpenAIImages({ model: 'gpt-image-2', prompt: 'a' }, context(), fast));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'openai', status, requestId: expect.any(String) });
    expect(calls('images')).toHaveLength(1);
  });

  it('reports a reset connection and malformed JSON as typed errors', async () => {
    emulator.current.injectFault({ provider: 'openai', operation: 'transcription', kind: 'reset' });
    expect(await failure(transcribeWithOpenAI({ model: 'whisper-1', file: wav }, context(), fast))).toBeInstanceOf(ProviderError);
    emulator.current.injectFault({ provider: 'openai', operation: 'images', kind: 'malformed' });
    const error = await failure(generateOpenAIImages({ model: 'gpt-image-2', prompt: 'a' }, context(), fast));
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', requestId: expect.any(String) });
  });

  it('turns a refused generation into a typed provider error', async () => {
    emulator.current.injectFault({ provider: 'openai', kind: 'job-failed' });
    const error = await failure(generateOpenAIImages({ model: 'gpt-image-2', prompt: 'a' }, context(), fast));
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', status: 400 });
  });

  it('answers a retired model with the provider error', async () => {
    const error = await failure(generateOpenAIImages({ model: 'dall-e-3', prompt: 'a' }, context(), fast));
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', status: 404 });
  });

  it('times out a response slower than the deadline', async () => {
    emulator.current.injectFault({ provider: 'openai', operation: 'images', kind: 'latency', latencyMs: 5000 });
    const error = await failure(generateOpenAIImages({ model: 'gpt-image-2', prompt: 'a' }, context(), { ...fast, timeoutMs: 300 }));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('names the deadline it was given when the SDK\'s own timeout fires (never "within 0 ms")', () => {
    const error = mapOpenAIError(new APIConnectionTimeoutError(), 1234);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe('openai request did not finish within 1234 ms');
  });

  it('abandons the request when aborted', async () => {
    emulator.current.injectFault({ provider: 'openai', operation: 'images', kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(generateOpenAIImages({ model: 'gpt-image-2', prompt: 'a' }, context({ signal: controller.signal }), fast));
    expect(error).toBeInstanceOf(CanceledError);
  });

  it('names the missing variable and sends nothing when the settings hold no key', async () => {
    const settings = { providers: { openai: { baseUrl: emulator.current.openaiBaseUrl } } };
    const error = await failure(generateOpenAIImages({ model: 'gpt-image-2', prompt: 'a' }, createTestContext({ settings }), fast));
    expect(error).toBeInstanceOf(MissingKeyError);
    expect((error as Error).message).toMatch(/^Missing OPENAI_API_KEY/);
    expect(emulator.current.requests).toHaveLength(0);
  });

  describeKeySources(
    'openai',
    () => emulator.current,
    (settings) => generateOpenAIImages({ model: 'gpt-image-2', prompt: 'k' }, createTestContext({ settings }), fast),
  );
});
