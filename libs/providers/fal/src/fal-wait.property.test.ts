/**
 * fal's status stream (server-sent events, parsed by the SDK, read by fal-wait.ts) carries bytes
 * from the network: for any stream body (random bytes, broken events, events whose data is not
 * a status object) a generation ends as the status polls say, with a result or a typed error,
 * and within a bound. A stream that fails falls back to polling; nothing it carries may crash
 * the wait or surface as an untyped error.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { BoardsError } from '@boards/core';
import { createTestContext } from '@boards/testing';
import { runFalRequest } from './fal-queue';

const ENDPOINT = 'fal-ai/nano-banana';
/** A generation against a loopback server: a few requests, well inside this. */
const CALL_MS = 500;

let server: Server;
let base: string;
/** What the next status stream answers. */
let stream: { contentType: string; body: Buffer; cut: boolean } = { contentType: 'text/event-stream', body: Buffer.alloc(0), cut: false };

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const queue = `${base}/queue/${ENDPOINT}/requests/r1`;
    if (req.method === 'POST')
      return json({ request_id: 'r1', status: 'IN_QUEUE', status_url: `${queue}/status`, response_url: queue, cancel_url: `${queue}/cancel` });
    if (path.endsWith('/status/stream')) {
      res.writeHead(200, { 'content-type': stream.contentType });
      if (stream.cut) return void res.write(stream.body, () => res.destroy());
      return void res.end(stream.body);
    }
    if (path.endsWith('/status')) return json({ status: 'COMPLETED' });
    if (path.endsWith('/requests/r1')) return json({ images: [] });
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // One well-formed generation first, untimed: loading the fal client and compiling its code paths
  // is not what the bound is about (on a busy machine it alone can take CALL_MS). Every hostile body
  // below is still timed.
  stream = { contentType: 'text/event-stream', body: Buffer.from('data: {"status":"COMPLETED"}\n\n'), cut: false };
  await generation();
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Events as fal sends them (`data: {...}`), then broken ones. */
const status = fc.oneof(
  fc.constantFrom('IN_QUEUE', 'IN_PROGRESS', 'COMPLETED').map((s) => JSON.stringify({ status: s, queue_position: 1 })),
  fc.constantFrom('null', '0', '"COMPLETED"', '[]', '{}', '{"status":null}', '{"status":{"status":"COMPLETED"}}', '{', 'data:', '\u00e9\u{1F34C}'),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
);
const event = fc
  .record({ field: fc.constantFrom('data', 'event', 'id', 'retry', ':', 'data ', ''), value: status, eol: fc.constantFrom('\n', '\r\n', '\r') })
  .map(({ field, value, eol }) => `${field}: ${value}${eol}${eol}`);

const body = fc.oneof(
  fc.array(event, { maxLength: 5 }).map((events) => Buffer.from(events.join(''))),
  fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.from(b)),
  // A multi-byte character split across the end of a read, a NUL, a BOM, a line of 8 kB.
  fc.constantFrom(
    Buffer.from('data: {"status":"IN_QUEUE"}\n\n\xef\xbb\xbfdata: \xc3'),
    Buffer.from('data: \0\n\n'),
    Buffer.from(`data: ${'x'.repeat(8192)}\n\n`),
  ),
);

/** Runs one generation; a generation still running after CALL_MS is stopped (and the run fails). */
async function generation(): Promise<{ outcome: 'result' | 'typed error' | 'hung'; error?: unknown; ms: number }> {
  const stop = new AbortController();
  const started = performance.now();
  const run = runFalRequest(ENDPOINT, { prompt: 'a cat' }, createTestContext({ signal: stop.signal }), {
    apiKey: 'id:secret',
    baseUrl: base,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    pollIntervalMs: 5,
  }).then(
    () => ({ outcome: 'result' as const }),
    (error: unknown) => ({ outcome: 'typed error' as const, error }),
  );
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<{ outcome: 'hung' }>((resolve) => (timer = setTimeout(() => resolve({ outcome: 'hung' }), CALL_MS)));
  const first = await Promise.race([run, hung]);
  clearTimeout(timer);
  if (first.outcome === 'hung') {
    // Stop it, so that nothing outlives the run.
    stop.abort();
    await Promise.race([run, new Promise((resolve) => setTimeout(resolve, 2000))]);
  }
  return { ...first, ms: performance.now() - started };
}

describe('fal status stream with hostile bodies', () => {
  it('ends the generation as the status polls say (completed), with a result or a typed error, in time', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom('text/event-stream', 'text/event-stream; charset=utf-8', 'application/octet-stream', 'application/json'),
        fc.boolean(),
        async (bytes, contentType, cut) => {
          stream = { contentType, body: bytes, cut };
          const { outcome, error, ms } = await generation();
          if (outcome === 'hung') throw new Error(`the generation was still waiting after ${CALL_MS} ms`);
          if (outcome === 'typed error' && !BoardsError.isInstance(error)) throw new Error(`threw ${String(error)} instead of a BoardsError`);
          if (ms >= CALL_MS) throw new Error(`the generation took ${ms.toFixed(0)} ms`);
        },
      ),
      {
        numRuns: 60,
        // A failing run costs CALL_MS: no shrinking, and the known-hostile case first.
        endOnFailure: true,
        // A status stream answered as raw bytes (not text/event-stream) and cut mid-body.
        examples: [[Buffer.from('data: {"status":"IN_QUEUE"}\n\n'), 'application/octet-stream', true]],
      },
    );
  });
});
