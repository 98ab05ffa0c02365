import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { driftCommand } from './commands/drift';
import { documentFrom } from './drift/published';
import { Output } from './output';

const ROOT = join(__dirname, '..', '..', '..');

/** A changed fal schema for nano-banana: 21:9 withdrawn, prompts capped at 1000 characters. */
const falDoc = {
  openapi: '3.0.4',
  paths: { '/fal-ai/nano-banana': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Input' } } } } } } },
  components: {
    schemas: {
      Input: {
        type: 'object',
        required: ['prompt'],
        properties: {
          prompt: { type: 'string', minLength: 3, maxLength: 1000 },
          num_images: { type: 'integer', minimum: 1, maximum: 4 },
          aspect_ratio: { type: 'string', enum: ['16:9', '3:2', '4:3', '5:4', '1:1', '4:5', '3:4', '2:3', '9:16'] },
          seed: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
          output_format: { type: 'string', enum: ['jpeg', 'png', 'webp'] },
          safety_tolerance: { type: 'string', enum: ['1', '2', '3', '4', '5', '6'] },
        },
      },
    },
  },
};

/** A Replicate model whose latest version dropped `steps`. */
const replicateModel = {
  latest_version: {
    id: 'v2',
    openapi_schema: {
      components: {
        schemas: {
          Input: {
            type: 'object',
            required: ['prompt'],
            properties: {
              prompt: { type: 'string' },
              aspect_ratio: { allOf: [{ $ref: '#/components/schemas/aspect_ratio' }] },
              width: { type: 'integer', minimum: 256, maximum: 1440 },
              height: { type: 'integer', minimum: 256, maximum: 1440 },
              guidance: { type: 'number', minimum: 2, maximum: 5 },
              safety_tolerance: { type: 'integer', minimum: 1, maximum: 6 },
              seed: { type: 'integer' },
              output_format: { allOf: [{ $ref: '#/components/schemas/output_format' }] },
              prompt_upsampling: { type: 'boolean' },
            },
          },
          aspect_ratio: { type: 'string', enum: ['custom', '1:1', '16:9', '3:2', '2:3', '4:5', '5:4', '9:16', '3:4', '4:3'] },
          output_format: { type: 'string', enum: ['webp', 'jpg', 'png'] },
        },
      },
    },
  },
};

/** OpenAI's spec is YAML. */
const openaiYaml = `openapi: 3.1.0
components:
  schemas:
    CreateImageRequest:
      type: object
      required: [prompt]
      properties:
        prompt: { type: string }
        model: { type: string }
        n: { type: integer, minimum: 1, maximum: 10 }
        quality: { type: string, enum: [standard, hd, low, medium, high, auto] }
        output_format: { type: string, enum: [png, jpeg, webp] }
        size:
          anyOf:
            - { type: string }
            - { type: string, enum: [auto, 1024x1024, 1536x1024, 1024x1536] }
`;

let server: Server;
let base: string;
const seen: IncomingMessage[] = [];
/** What the loopback provider answers to a replayed request (the changed answer). */
let replayAnswer: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/fal' && url.searchParams.get('endpoint_id') === 'fal-ai/nano-banana') return json(200, falDoc);
    if (url.pathname === '/replicate/models/black-forest-labs/flux-pro') return json(200, replicateModel);
    if (url.pathname === '/openai.yml') return res.writeHead(200, { 'content-type': 'application/yaml' }).end(openaiYaml);
    if (url.pathname.startsWith('/fal/queue/')) return json(replayAnswer.status, replayAnswer.body);
    json(404, { detail: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function drift(argv: string[], env: NodeJS.ProcessEnv) {
  let stdout = '';
  const sink = { write: (chunk: string) => ((stdout += chunk), true) } as unknown as NodeJS.WriteStream;
  const output = new Output(true, { stdout: sink, stderr: sink });
  const code = await driftCommand({ argv: [...argv, '--json'], output, cwd: ROOT, env: { PATH: process.env.PATH, ...env } });
  return { code, doc: JSON.parse(stdout) };
}

const sources = () => ({ BOARDS_DRIFT_FAL_URL: `${base}/fal`, BOARDS_DRIFT_REPLICATE_URL: `${base}/replicate`, BOARDS_DRIFT_OPENAI_URL: `${base}/openai.yml` });

describe('boards drift (published schemas, from a loopback server)', () => {
  it('reports each generator against the changed published schema, naming the field and both sides', async () => {
    const { code, doc } = await drift(['nano-banana', 'flux-pro', 'gpt-image-2'], { ...sources(), REPLICATE_API_TOKEN: 'r8_drift_test_token' });
    expect(code).toBe(7);
    const by = Object.fromEntries(doc.generators.map((g: { generator: string }) => [g.generator, g]));
    expect(by['nano-banana'].status).toBe('drift');
    expect(by['nano-banana'].drifts).toEqual([
      { kind: 'range', field: 'prompt', message: 'prompt: generator nano-banana allows a length of 3..50000; published fal-ai/nano-banana allows 3..1000' },
      {
        kind: 'enum',
        field: 'aspect_ratio',
        message: expect.stringContaining('generator nano-banana accepts "21:9", which published fal-ai/nano-banana does not'),
      },
    ]);
    expect(by['flux-pro'].drifts).toEqual([expect.objectContaining({ kind: 'unknown-field', field: 'steps' })]);
    expect(by['flux-pro'].source).toContain('latest_version');
    expect(by['gpt-image-2']).toMatchObject({ status: 'ok', source: expect.stringContaining('CreateImageRequest') });
    const replicateCall = seen.find((r) => r.url?.startsWith('/replicate/'));
    expect(replicateCall?.headers.authorization).toBe('Bearer r8_drift_test_token');
  });

  it('skips Replicate without a token (it serves schemas to authenticated calls) and a retired model', async () => {
    const { code, doc } = await drift(['flux-pro', 'dalle3'], sources());
    expect(code).toBe(0);
    expect(doc.generators).toEqual([
      expect.objectContaining({ generator: 'dalle3', status: 'skipped', reason: expect.stringContaining('retired') }),
      expect.objectContaining({ generator: 'flux-pro', status: 'skipped', reason: expect.stringContaining('REPLICATE_API_TOKEN not set') }),
    ]);
  });

  it('reports a schema it cannot fetch as an error (exit 4), not as no drift', async () => {
    const { code, doc } = await drift(['veo3'], sources());
    expect(code).toBe(4);
    expect(doc.generators[0]).toMatchObject({ status: 'error', reason: expect.stringContaining('answered 404') });
  });
});

describe('boards drift --recordings', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'boards-drift-'));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  const record = (name: string, mode: 'live' | 'emulator', submitAnswer: Record<string, unknown>) => {
    const dir = join(workspace, 'packages', name, '__fixtures__', 'recordings');
    mkdirSync(dir, { recursive: true });
    const provenance = { generator: name, provider: 'fal', model: 'fal-ai/nano-banana', sdk: '@fal-ai/client@1', recordedAt: '2026-12-01', mode };
    const exchange = {
      api: 'fal-queue',
      method: 'POST',
      path: '/fal-ai/nano-banana',
      request: { prompt: 'a red circle' },
      status: 200,
      headers: {},
      body: { json: submitAnswer },
    };
    writeFileSync(join(dir, `${name}.json`), JSON.stringify({ format: 'boards-recording/1', provenance, input: {}, exchanges: [exchange] }));
  };
  const submitted = { status: 'IN_QUEUE', request_id: 'r1', response_url: 'u', status_url: 'u', cancel_url: 'u', logs: null, metrics: {}, queue_position: 0 };
  beforeAll(() => {
    writeFileSync(join(workspace, 'package.json'), '{"name":"drift-test","private":true}');
    record('real-one', 'live', { ...submitted, zz_new_provider_field: 1 });
    record('emulated-one', 'emulator', { ...submitted, never_counted: true });
  });

  it('replays live recordings against the emulator, lists what it lacks, and never counts emulator-made ones', async () => {
    const { code, doc } = await drift(['--recordings'], { BOARDS_WORKSPACE_ROOT: workspace });
    expect(code).toBe(7);
    expect(doc.replayed).toEqual([join('packages', 'real-one', '__fixtures__', 'recordings', 'real-one.json')]);
    expect(doc.skipped).toEqual([expect.objectContaining({ reason: expect.stringContaining('emulator provenance') })]);
    expect(doc.rows).toEqual([expect.objectContaining({ field: 'body.zz_new_provider_field', recorded: '1', emulator: '-', verdict: 'MISSING' })]);
  });

  it('lists a changed answer of the emulator it is pointed at (--emulator-url): status and types', async () => {
    replayAnswer = { status: 202, body: { ...submitted, zz_new_provider_field: 1, queue_position: '0' } };
    const { code, doc } = await drift(['--recordings', '--emulator-url', base], { BOARDS_WORKSPACE_ROOT: workspace });
    expect(code).toBe(7);
    expect(doc.rows).toEqual([
      expect.objectContaining({ field: 'HTTP status', recorded: '200', emulator: '202', verdict: 'VALUE' }),
      expect.objectContaining({ field: 'body.queue_position', recorded: '0', emulator: '"0"', verdict: 'TYPE' }),
    ]);
    replayAnswer = { status: 200, body: { ...submitted, zz_new_provider_field: 1 } };
    expect((await drift(['--recordings', '--emulator-url', base], { BOARDS_WORKSPACE_ROOT: workspace })).code).toBe(0);
  });
});

describe('published documents', () => {
  const page = [
    '# A model',
    '',
    'Some prose.',
    '',
    '````yaml market/a-model.json post /api/v1/jobs/createTask',
    'openapi: 3.0.0',
    'paths:',
    '  /x: { post: {} }',
    '````',
    '',
    '```yaml',
    'second: block',
    '```',
    '',
  ].join('\n');

  it('reads JSON, YAML, and the first fenced YAML block of a markdown page', () => {
    expect(documentFrom('{"openapi":"3.1.0"}', 'u')).toEqual({ openapi: '3.1.0' });
    expect(documentFrom('openapi: 3.1.0\n', 'u')).toEqual({ openapi: '3.1.0' });
    expect(documentFrom(page, 'u')).toEqual({ openapi: '3.0.0', paths: { '/x': { post: {} } } });
  });

  it('names the URL when the answer is neither a document nor a page with one', () => {
    expect(() => documentFrom('# Just prose, no block', 'https://docs.example/page.md')).toThrow(
      'GET https://docs.example/page.md did not answer a JSON or YAML document, nor a page with a fenced YAML block',
    );
    expect(() => documentFrom('{"broken": ', 'https://x/doc.json')).toThrow(/GET https:\/\/x\/doc\.json did not answer a JSON or YAML document \(/);
  });
});
