import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { driftCommand } from '../commands/drift';
import { Output } from '../output';
import { documentFrom, getDocument } from './published';
import { MAX_SCHEMA_DEPTH } from './schema-graph';

const ROOT = join(__dirname, '..', '..', '..', '..');
const MiB = 1024 * 1024;

/** fal's per-endpoint OpenAPI for nano-banana, with the input schema and other schemas given. */
const falDoc = (schemas: Record<string, unknown>) => ({
  openapi: '3.0.4',
  paths: { '/fal-ai/nano-banana': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Input' } } } } } } },
  components: { schemas },
});

/** `Input: {$ref: Input}`: the input schema is itself. */
const selfInput = falDoc({ Input: { $ref: '#/components/schemas/Input' } });
/** A field whose type refers to itself: `P: {anyOf: [{$ref: P}, {type: string}]}`. */
const selfField = falDoc({
  Input: { type: 'object', required: ['prompt'], properties: { prompt: { $ref: '#/components/schemas/P' } } },
  P: { anyOf: [{ $ref: '#/components/schemas/P' }, { type: 'string' }] },
});
/** No cycle, but shared anyOfs: 4 levels of 100 branches is 100 million schemas to visit. */
const levels = Object.fromEntries(
  [0, 1, 2, 3].map((i) => [`L${i}`, { anyOf: Array.from({ length: 100 }, () => (i === 3 ? { type: 'string' } : { $ref: `#/components/schemas/L${i + 1}` })) }]),
);
const exponential = falDoc({ Input: { type: 'object', properties: { prompt: { $ref: '#/components/schemas/L0' } } }, ...levels });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const deepChain = Object.fromEntries(
  Array.from({ length: MAX_SCHEMA_DEPTH + 2 }, (_, i) => [`D${i}`, i === MAX_SCHEMA_DEPTH + 1 ? { type: 'string' } : ref(`D${i + 1}`)]),
);

/** Documents served at /<mode>/openapi.json. */
const DOCS: Record<string, unknown> = {
  'self-input': selfInput,
  'self-field': selfField,
  exponential,
  'cycle-chain': falDoc({ Input: ref('A'), A: { allOf: [ref('B')] }, B: { anyOf: [ref('A')] } }),
  deep: falDoc({ Input: { type: 'object', properties: { prompt: ref('D0') } }, ...deepChain }),
  'bad-pointer': falDoc({ Input: { type: 'object', properties: { prompt: ref('%E0') } } }),
  tree: falDoc({
    Input: { type: 'object', required: ['prompt'], properties: { prompt: ref('S'), negative_prompt: { allOf: [ref('S')] }, tree: ref('Node') } },
    S: { type: 'string' },
    Node: { type: 'object', properties: { children: { type: 'array', items: ref('Node') } } },
  }),
};

let server: Server;
let base: string;
/** Bytes the /endless route wrote before the client went away. */
let endlessSent = 0;

/** Writes `chunk` until `limit` bytes are sent or the client is gone, respecting backpressure. */
function pour(res: ServerResponse, chunk: Buffer, limit: number, onDone: (sent: number) => void): void {
  let sent = 0;
  const write = () => {
    while (sent < limit && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', write);
    }
    onDone(sent);
    res.end();
  };
  res.on('close', () => onDone(sent));
  write();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const mode = new URL(req.url ?? '/', 'http://x').pathname.split('/')[1];
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (Object.hasOwn(DOCS, mode)) return json(DOCS[mode]);
    if (mode === 'endless') {
      // "Endless" but bounded at 200 MiB, so that the code before the cap ends too (it read all of it).
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"openapi": "3.0.4", "pad": "');
      return pour(res, Buffer.alloc(64 * 1024, 0x61), 200 * MiB, (sent) => (endlessSent = sent));
    }
    if (mode === 'stall') {
      // Headers and the start of a document at once, then nothing.
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.write('{"openapi":');
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** `boards drift nano-banana --json` against BOARDS_DRIFT_FAL_URL=<base>/<mode>/openapi.json. */
async function driftNanoBanana(mode: string) {
  let stdout = '';
  const sink = { write: (chunk: string) => ((stdout += chunk), true) } as unknown as NodeJS.WriteStream;
  const output = new Output(true, { stdout: sink, stderr: sink });
  const env = { PATH: process.env.PATH, BOARDS_DRIFT_FAL_URL: `${base}/${mode}/openapi.json` };
  const code = await driftCommand({ argv: ['nano-banana', '--json'], output, cwd: ROOT, env });
  const doc = JSON.parse(stdout) as { generators: Array<{ generator: string; status: string; reason?: string }> };
  return { code, generator: doc.generators[0] };
}

describe('boards drift: a published schema that refers to itself is unreadable, not drift', () => {
  it('reports `Input: {$ref: Input}` as unreadable, naming the $ref (exit 4)', async () => {
    const { code, generator } = await driftNanoBanana('self-input');
    expect(generator).toMatchObject({
      generator: 'nano-banana',
      status: 'unreadable',
      reason: 'the published schema is unreadable: $ref #/components/schemas/Input refers to itself',
    });
    expect(code).toBe(4);
  });

  it('reports a field `P: {anyOf: [{$ref: P}, {type: string}]}` as unreadable, not a stack overflow', async () => {
    const { generator } = await driftNanoBanana('self-field');
    expect(generator).toMatchObject({ status: 'unreadable', reason: 'the published schema is unreadable: $ref #/components/schemas/P refers to itself' });
  });

  it('reports a schema of exponentially shared anyOfs as unreadable at once, instead of visiting 100 million schemas', async () => {
    const started = Date.now();
    const { generator } = await driftNanoBanana('exponential');
    expect(generator).toMatchObject({ status: 'unreadable', reason: expect.stringContaining('expands to more than 100000 schemas') });
    expect(Date.now() - started).toBeLessThan(5000);
  }, 15_000);
});

describe('boards drift: a published schema is read within a size and a time bound', () => {
  it('stops reading an endless body past 20 MiB and says so, naming the limit', async () => {
    const { code, generator } = await driftNanoBanana('endless');
    expect(generator).toMatchObject({ status: 'error', reason: expect.stringMatching(/^the published schema is larger than 20 MiB \(20971520 bytes\)/) });
    expect(code).toBe(4);
    // The connection was closed, not drained: far less than the 200 MiB on offer was sent.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(endlessSent).toBeLessThan(64 * MiB);
  }, 15_000);

  it('gives up a fetch whose body stalls at its deadline', async () => {
    const started = Date.now();
    await expect(getDocument(`${base}/stall/openapi.json`, {}, { maxBytes: MiB, timeoutMs: 300 })).rejects.toThrow(
      `GET ${base}/stall/openapi.json did not finish within 0.3 s`,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('documentFrom: a document is counted before it is parsed', () => {
  it('refuses JSON of more objects and arrays, and YAML of more tokens, than a schema has', () => {
    const bounds = { jsonContainers: 1000, yamlTokens: 1000 };
    expect(() => documentFrom(`[${'{},'.repeat(1000)}{}]`, 'u', bounds)).toThrow('GET u answered a JSON document of more than 1000 objects and arrays');
    expect(() => documentFrom('- []\n'.repeat(1000), 'u', bounds)).toThrow('GET u answered a YAML document of more than 1000 tokens');
    expect(documentFrom('a: [1, 2]\n', 'u', bounds)).toEqual({ a: [1, 2] });
  });

  it('finds the fenced YAML block of a page of unclosed fences in linear time', () => {
    // 200k ````yaml fences that never close: a lazy regular expression re-scans the rest of the page from
    // each, some 2*10^10 steps, which does not end within the test's timeout; one pass ends in milliseconds.
    const page = `${'````yaml\n'.repeat(200_000)}\`\`\`yaml\nopenapi: 3.0.0\n\`\`\`\n`;
    expect(documentFrom(page, 'u')).toEqual({ openapi: '3.0.0' });
  });
});

describe('boards drift: what else makes a schema unreadable, and what does not', () => {
  it('names the chain of a longer cycle, refuses nesting past the depth the comparison resolves, and a broken $ref', async () => {
    expect((await driftNanoBanana('cycle-chain')).generator).toMatchObject({
      status: 'unreadable',
      reason: 'the published schema is unreadable: $ref #/components/schemas/A refers to itself (through $ref #/components/schemas/B)',
    });
    expect((await driftNanoBanana('deep')).generator).toMatchObject({
      status: 'unreadable',
      reason: expect.stringContaining(`nest deeper than ${MAX_SCHEMA_DEPTH} levels`),
    });
    expect((await driftNanoBanana('bad-pointer')).generator).toMatchObject({
      status: 'unreadable',
      reason: 'the published schema is unreadable: $ref #/components/schemas/%E0 is not a valid reference',
    });
    // Shared $refs and a tree (recursion inside `properties`, which the comparison does not walk) are readable.
    expect((await driftNanoBanana('tree')).generator.status).toBe('drift');
  });
});
