/**
 * The RESP parser reads whatever the server at BOARDS_*_LEDGER_URL sends (a misconfigured URL
 * may name any service): for any bytes it returns a value and an offset past where it started,
 * "incomplete", or throws MalformedReplyError; and each call ends within a bound.
 */
import { createServer, type Server } from 'node:net';
import fc from 'fast-check';
import { BoardsError } from '@boards/core';
import { MalformedReplyError, parseRedisUrl, parseReply, withRedis, type RespValue } from './resp';

/** No call may take this long: the inputs are at most a few kilobytes. */
const CALL_MS = 100;

function encode(value: RespValue): string {
  if (value === null) return '$-1\r\n';
  if (typeof value === 'number') return `:${value}\r\n`;
  if (typeof value === 'string') return `$${Buffer.byteLength(value)}\r\n${value}\r\n`;
  return `*${value.length}\r\n${value.map(encode).join('')}`;
}

const { reply } = fc.letrec<{ reply: RespValue }>((tie) => ({
  reply: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.integer(),
    fc.string({ maxLength: 12 }),
    fc.array(tie('reply'), { maxLength: 4 }),
  ),
}));

/** A header's number set to what a hostile or broken server might send. */
const BAD_NUMBERS = ['0', '1', '-1', '-2', '2147483647', '4294967295', '99999999999999999999', 'x', '', '1.5', ' 1', 'NaN', '-0'];

type Mutation = { op: 'flip'; at: number; bit: number } | { op: 'cut'; at: number } | { op: 'number'; which: number; to: number };

function mutate(text: string, mutations: Mutation[]): Buffer {
  let bytes = Buffer.from(text);
  for (const m of mutations) {
    if (bytes.length === 0) break;
    if (m.op === 'flip') bytes[m.at % bytes.length] ^= 1 << m.bit;
    else if (m.op === 'cut') bytes = bytes.subarray(0, m.at % bytes.length);
    else {
      // The number of one `$`, `*` or `:` header (a length, a count, an integer).
      const headers = [...bytes.toString('latin1').matchAll(/[$*:](-?\d+)\r\n/g)];
      if (headers.length === 0) continue;
      const header = headers[m.which % headers.length];
      const from = (header.index ?? 0) + 1;
      bytes = Buffer.concat([bytes.subarray(0, from), Buffer.from(BAD_NUMBERS[m.to % BAD_NUMBERS.length]), bytes.subarray(from + header[1].length)]);
    }
  }
  return bytes;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('number' as const), which: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('number' as const), which: fc.nat(), to: fc.nat() }),
);

const hostile = fc.oneof(
  fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.from(b)),
  fc.string({ unit: fc.constantFrom('$', '*', ':', '+', '-', '\r', '\n', '1', '0', '-1', 'x'), maxLength: 64 }).map((s) => Buffer.from(s)),
  fc.record({ value: reply, mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) }).map(({ value, mutations }) => mutate(encode(value), mutations)),
);

/** parseReply at 0: undefined, or a value whose end is a whole offset past 0 and inside `buf`; else MalformedReplyError. */
function parsesInTime(buf: Buffer): void {
  const started = performance.now();
  try {
    const parsed = parseReply(buf, 0);
    if (parsed && !(Number.isInteger(parsed.next) && parsed.next > 0 && parsed.next <= buf.length)) {
      throw new Error(`parseReply ended at ${parsed.next} of ${buf.length} bytes: a reader that slices there never moves on`);
    }
  } catch (error) {
    if (!(error instanceof MalformedReplyError)) throw error;
  }
  const ms = performance.now() - started;
  if (ms >= CALL_MS) throw new Error(`parseReply took ${ms.toFixed(0)} ms on ${buf.length} bytes`);
}

describe('parseReply on hostile bytes', () => {
  it('reads back every encoded reply, and for random or broken replies returns, waits, or throws MalformedReplyError, in time', () => {
    fc.assert(
      fc.property(reply, (value) => {
        const text = encode(value);
        expect(parseReply(Buffer.from(text), 0)).toEqual({ value, next: Buffer.byteLength(text) });
      }),
      { numRuns: 300 },
    );
    fc.assert(fc.property(hostile, parsesInTime), { numRuns: 3000 });
  });

  it('refuses arrays nested 100 000 deep instead of overflowing the stack', () => {
    let thrown: unknown;
    try {
      parseReply(Buffer.from('*1\r\n'.repeat(100_000)), 0);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: 'MalformedReplyError', message: 'arrays nest deeper than 32' });
  });
});

describe('withRedis against a server that does not speak RESP', () => {
  let server: Server;
  let port: number;
  let answer = '';
  beforeAll(async () => {
    server = createServer((socket) => socket.once('data', () => socket.write(answer)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  // `$x` once made the reader loop for ever on the same bytes (its offset was NaN); the others
  // were taken as answers (NaN, a cut string, null) and put the reader out of step.
  it.each(['$x\r\n', ':one\r\n', '$1.5\r\nab\r\n', '*-2\r\n', '$3\r\nabcde\r\n'])('refuses %j with an InvalidConfigError naming the setting', async (text) => {
    answer = text;
    const target = parseRedisUrl(`redis://127.0.0.1:${port}`, 'BOARDS_LIVE_LEDGER_URL');
    const error = await withRedis(target, 1000, (command) => command('PING')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(BoardsError.isInstance(error) && error.code).toBe('INVALID_CONFIG');
    expect((error as Error).message).toContain(`Invalid BOARDS_LIVE_LEDGER_URL: redis://127.0.0.1:${port}/0 sent a reply that is not RESP`);
  });
});
