/**
 * parseMultipart reads request bodies (an OpenAI transcription upload, a Kie file upload) and
 * their content-type as any client sends them: for any bytes and any content-type it returns the
 * parts or throws MalformedMultipartError, never the platform's bare TypeError, within a bound.
 */
import fc from 'fast-check';
import { MalformedMultipartError, parseMultipart } from './multipart';

/** No call may take this long: the bodies are at most a few kilobytes. */
const CALL_MS = 100;

const token = fc.string({ unit: fc.constantFrom(...'abcxyz019_-.'), minLength: 1, maxLength: 12 });

/** A well-formed body: text fields and file parts between `--<boundary>` lines. */
const validBody = fc
  .record({
    boundary: fc.string({ unit: fc.constantFrom(...'abcXYZ0189-_'), minLength: 1, maxLength: 40 }),
    parts: fc.array(
      fc.oneof(
        fc.record({ name: token, value: fc.string({ maxLength: 40 }) }),
        fc.record({
          name: token,
          file: token,
          type: fc.constantFrom('audio/wav', 'image/png', 'application/octet-stream'),
          bytes: fc.uint8Array({ maxLength: 64 }),
        }),
      ),
      { maxLength: 4 },
    ),
  })
  .map(({ boundary, parts }) => {
    const chunks: Buffer[] = [];
    for (const part of parts) {
      const head =
        'file' in part
          ? `Content-Disposition: form-data; name="${part.name}"; filename="${part.file}"\r\nContent-Type: ${part.type}`
          : `Content-Disposition: form-data; name="${part.name}"`;
      chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), 'file' in part ? Buffer.from(part.bytes) : Buffer.from(part.value), Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
  });

type Mutation = { op: 'flip'; at: number; bit: number } | { op: 'cut'; at: number } | { op: 'splice'; at: number; insert: string };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), insert: fc.constantFrom('\r\n', '--', '"', ';', '\r\n\r\n', 'Content-Disposition: ', '\x00') }),
);

function mutate(body: Buffer, mutations: Mutation[]): Buffer {
  let out = Buffer.from(body);
  for (const m of mutations) {
    if (out.length === 0) break;
    if (m.op === 'flip') out[m.at % out.length] ^= 1 << m.bit;
    else if (m.op === 'cut') out = out.subarray(0, m.at % out.length);
    else out = Buffer.concat([out.subarray(0, m.at % out.length), Buffer.from(m.insert, 'latin1'), out.subarray(m.at % out.length)]);
  }
  return out;
}

/** Content-types a client may send: none, no boundary, an empty one, one with a line break (an invalid header value), junk. */
const oddContentType = fc.oneof(
  fc.constantFrom(
    '',
    'multipart/form-data',
    'multipart/form-data; boundary=',
    'multipart/form-data; boundary="x',
    'multipart/form-data; boundary=a\nb',
    'text/plain',
    '\u0100',
  ),
  fc.string({ maxLength: 60 }),
);

const hostile = fc.oneof(
  validBody.chain(({ body, contentType }) => fc.array(mutation, { minLength: 1, maxLength: 3 }).map((m) => ({ body: mutate(body, m), contentType }))),
  fc.record({
    body: fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.from(b)),
    contentType: fc.oneof(oddContentType, fc.constant('multipart/form-data; boundary=x')),
  }),
  validBody.chain(({ body }) => oddContentType.map((contentType) => ({ body, contentType }))),
);

describe('parseMultipart on hostile bodies', () => {
  it('returns the parts or throws MalformedMultipartError, in time, for any body and content-type', async () => {
    // A well-formed body comes back whole.
    const { body, contentType } = fc.sample(validBody, { numRuns: 1, seed: 1 })[0];
    await expect(parseMultipart(body, contentType)).resolves.toMatchObject({ fields: expect.any(Object), files: expect.any(Array) });
    await fc.assert(
      fc.asyncProperty(hostile, async ({ body, contentType }) => {
        const started = performance.now();
        try {
          await parseMultipart(body, contentType);
        } catch (error) {
          if (!(error instanceof MalformedMultipartError)) throw new Error(`threw ${String(error)} instead of MalformedMultipartError`);
        }
        const ms = performance.now() - started;
        if (ms >= CALL_MS) throw new Error(`parseMultipart took ${ms.toFixed(0)} ms on ${body.length} bytes`);
      }),
      { numRuns: 400 },
    );
  });
});
