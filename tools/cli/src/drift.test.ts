import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { driftCommand } from './commands/drift';
import { documentFrom } from './drift/published';
import { Output } from './output';

const ROOT = join(__dirname, '..', '..', '..');

/** What fal publishes now for nano-banana: its stored snapshot's document, changed as a provider would change it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a provider's document, walked along paths the test knows
const stored = (id: string) => JSON.parse(readFileSync(join(ROOT, 'packages', id, 'snapshot.json'), 'utf8')) as { document: Record<string, any> };
const falDoc = (() => {
  const doc = stored('nano-banana').document;
  const input = doc.components.schemas[doc.paths['/fal-ai/nano-banana'].post.requestBody.content['application/json'].schema.$ref.split('/').pop()];
  input.properties.aspect_ratio.default = '16:9';
  doc.components.schemas.QueueStatus.properties.status.enum.push('PAUSED');
  return doc;
})();
/** gpt-image-2's document as stored, its model object now with a past shutdown date. */
const openaiDocs = (() => {
  const { spec, model } = stored('gpt-image-2').document;
  return { spec, model: { ...model, shutdown_date: '2026-01-02' } };
})();

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
    if (url.pathname === '/replicate/models/black-forest-labs/flux-pro') return json(200, stored('flux-pro').document);
    if (url.pathname === '/openai.json') return json(200, openaiDocs.spec);
    if (url.pathname === '/openai/models/gpt-image-2') return json(200, openaiDocs.model);
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

const sources = () => ({
  BOARDS_DRIFT_FAL_URL: `${base}/fal`,
  BOARDS_DRIFT_REPLICATE_URL: `${base}/replicate`,
  BOARDS_DRIFT_OPENAI_URL: `${base}/openai.json`,
  BOARDS_DRIFT_OPENAI_MODELS_URL: `${base}/openai`,
  OPENAI_API_KEY: 'sk-drift-test-key',
});

describe('boards drift (stored snapshots against published documents, from a loopback server)', () => {
  it('names each change of a whole document (a default, a status) and a shut-down model: exit 7', async () => {
    const { code, doc } = await drift(['nano-banana', 'flux-pro', 'gpt-image-2'], { ...sources(), REPLICATE_API_TOKEN: 'r8_drift_test_token' });
    expect(code).toBe(7);
    const by = Object.fromEntries(doc.generators.map((g: { generator: string }) => [g.generator, g]));
    expect(by['nano-banana'].status).toBe('drift');
    expect(by['nano-banana'].lines).toEqual(
      expect.arrayContaining([
        '[published] aspect_ratio default: stored "1:1", published "16:9"',
        expect.stringMatching(/^\[published\] status enum: .*\(new "PAUSED"\)$/),
        expect.stringMatching(/^\[document\] document\.components\.schemas\.\w+\.properties\.aspect_ratio\.default: stored "1:1", published "16:9"$/),
      ]),
    );
    expect(by['flux-pro']).toMatchObject({ status: 'ok', lines: [] });
    expect(by['gpt-image-2'].lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('gpt-image-2 shut down on 2026-01-02'),
        '[published] lifecycle shutdown_date: stored none, published "2026-01-02"',
      ]),
    );
    const replicateCall = seen.find((r) => r.url?.startsWith('/replicate/'));
    expect(replicateCall?.headers.authorization).toBe('Bearer r8_drift_test_token');
  });

  it('says it could not check Replicate without a token (exit 4), and skips a retired model', async () => {
    const { code, doc } = await drift(['flux-pro', 'dalle3'], sources());
    expect(code).toBe(4);
    expect(doc.generators).toEqual([
      expect.objectContaining({ generator: 'dalle3', status: 'skipped', reason: expect.stringContaining('retired') }),
      expect.objectContaining({ generator: 'flux-pro', status: 'error', reason: expect.stringContaining('could not check: REPLICATE_API_TOKEN not set') }),
    ]);
  });

  it('reports a model that is no longer published (404) as drift, and an unreachable source as an error', async () => {
    const vanished = await drift(['veo3'], sources());
    expect(vanished.code).toBe(7);
    expect(vanished.doc.generators[0].lines).toEqual([expect.stringContaining('fal-ai/veo3/fast: no longer published')]);
    const unreachable = await drift(['veo3'], { ...sources(), BOARDS_DRIFT_FAL_URL: 'http://127.0.0.1:1/fal' });
    expect(unreachable.code).toBe(4);
    expect(unreachable.doc.generators[0]).toMatchObject({ status: 'error' });
  });

  it('--update rewrites a changed snapshot and leaves an unchanged one untouched', async () => {
    // Inside the repository (tmp/ is ignored), so the copied packages resolve the workspace's modules.
    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
    const workspace = mkdtempSync(join(ROOT, 'tmp', 'drift-update-'));
    try {
      for (const id of ['nano-banana', 'flux-pro']) cpSync(join(ROOT, 'packages', id), join(workspace, 'packages', id), { recursive: true });
      writeFileSync(join(workspace, 'package.json'), '{"name":"ws","private":true}');
      const before = readFileSync(join(workspace, 'packages', 'flux-pro', 'snapshot.json'), 'utf8');
      const env = { ...sources(), REPLICATE_API_TOKEN: 'r8_drift_test_token', BOARDS_WORKSPACE_ROOT: workspace };
      const { code, doc } = await drift(['--update', 'nano-banana', 'flux-pro'], env);
      expect(doc.generators.map((g: { updated?: boolean }) => g.updated)).toEqual([false, true]);
      expect(readFileSync(join(workspace, 'packages', 'flux-pro', 'snapshot.json'), 'utf8')).toBe(before);
      const updated = JSON.parse(readFileSync(join(workspace, 'packages', 'nano-banana', 'snapshot.json'), 'utf8'));
      expect(updated.provenance).toMatchObject({ how: 'boards drift --update', urls: [expect.stringContaining('endpoint_id=fal-ai%2Fnano-banana')] });
      // The generator assumes 1:1 when it leaves aspect_ratio out, and its adapter knows no PAUSED: it must change.
      expect(code).toBe(7);
      expect(doc.generators[1].lines).toEqual([
        expect.stringContaining('aspect_ratio default: the generator leaves it out assuming "1:1"'),
        expect.stringContaining('status "PAUSED"'),
      ]);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
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
