/**
 * fal's status stream (server-sent events, parsed by the SDK, read by fal-wait.ts) carries bytes
 * from the network: for any stream body (random bytes, broken events, events whose data is not
 * a status object) a generation ends as the status polls say, with a result or a typed error,
 * in a bounded number of requests. A stream that fails falls back to polling; nothing it carries may crash
 * the wait or surface as an untyped error.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { BoardsError } from '@boards/core';
import { createTestContext } from '@boards/testing';
import { runFalRequest } from './fal-queue';

const ENDPOINT = 'fal-ai/nano-banana';
/**
 * Requests one generation may make: the submit, the status stream, a few status polls after a stream
 * that failed, the result. A wait that keeps polling or reopening the stream (one that would not end
 * as the polls say) passes it; counted, not timed, so a busy machine cannot fail the property.
 */
const MAX_REQUESTS = 8;

let server: Server;
let base: string;
/** Requests the server answered since the current generation started. */
let requests = 0;
/** What the next status stream answers. */
let stream: { contentType: string; body: Buffer; cut: boolean } = { contentType: 'text/event-stream', body: Buffer.alloc(0), cut: false };

beforeAll(async () => {
  server = createServer((req, res) => {
    requests += 1;
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
  // One well-formed generation first: loading the fal client belongs to no one property run.
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

/** Streams of events, well-formed or broken. */
const events = fc.array(event, { maxLength: 5 }).map((list) => Buffer.from(list.join('')));
/** Bytes that are no event stream at all. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.from(b)),
  // A multi-byte character split across the end of a read, a NUL, a BOM, a line of 8 kB.
  fc.constantFrom(
    Buffer.from('data: {"status":"IN_QUEUE"}\n\n\xef\xbb\xbfdata: \xc3'),
    Buffer.from('data: \0\n\n'),
    Buffer.from(`data: ${'x'.repeat(8192)}\n\n`),
  ),
);

/**
 * Runs one generation to its end, with the requests it made. A generation that never ends fails the
 * test by jest's own timeout; one that ends only by requesting again and again fails MAX_REQUESTS.
 */
async function generation(): Promise<{ outcome: 'result' | 'typed error'; error?: unknown; requests: number }> {
  requests = 0;
  const ended = await runFalRequest(ENDPOINT, { prompt: 'a cat' }, createTestContext(), {
    apiKey: 'id:secret',
    baseUrl: base,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    pollIntervalMs: 5,
  }).then(
    () => ({ outcome: 'result' as const }),
    (error: unknown) => ({ outcome: 'typed error' as const, error }),
  );
  return { ...ended, requests };
}

/** The property, over `bodies`: whatever the stream carries, the wait ends as the polls say. */
async function endsAsThePollsSay(bodies: fc.Arbitrary<Buffer>, numRuns: number, examples: [Buffer, string, boolean][] = []): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      bodies,
      fc.constantFrom('text/event-stream', 'text/event-stream; charset=utf-8', 'application/octet-stream', 'application/json'),
      fc.boolean(),
      async (body, contentType, cut) => {
        stream = { contentType, body, cut };
        const { outcome, error, requests: made } = await generation();
        if (outcome === 'typed error' && !BoardsError.isInstance(error)) throw new Error(`threw ${String(error)} instead of a BoardsError`);
        if (made > MAX_REQUESTS) throw new Error(`the generation made ${made} requests (at most ${MAX_REQUESTS})`);
      },
    ),
    { numRuns, examples },
  );
}

// 60 generations in all, half for each kind of body.
describe('fal status stream with hostile bodies: the generation ends as the status polls say (completed), with a result or a typed error, in a few requests', () => {
  it('for streams of events, well-formed or broken', async () => {
    // The known-hostile case first: a status stream answered as raw bytes (not text/event-stream) and cut mid-body.
    await endsAsThePollsSay(events, 30, [[Buffer.from('data: {"status":"IN_QUEUE"}\n\n'), 'application/octet-stream', true]]);
  });

  it('for random bytes and known-hostile bodies (a split character, a NUL, a BOM, a line of 8 kB)', async () => {
    await endsAsThePollsSay(bytes, 30);
  });
});
