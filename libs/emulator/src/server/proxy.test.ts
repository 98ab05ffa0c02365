import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePng } from '../kernel/media/png';
import { PROVIDER_MODULES } from '../providers/index';
import { ApiTable } from './apis';
import { parseUpstreams as parseWith } from './proxy';

const parseUpstreams = (specs: Parameters<typeof parseWith>[0]) => parseWith(specs, new ApiTable(PROVIDER_MODULES));
import { EMULATOR_HEADER } from '../kernel/scrub';
import { loadRecording, type Recording } from '../kernel/recording';
import { startEmulator } from '../emulator';
import { parseServiceArgs } from '../emulator';
import type { Emulator } from '../emulator';

// Planted credentials: none may reach a recording file. Every run of 8 characters of a key is
// scrubbed, so none holds a word the recordings use ("replicate" would scrub replicate.delivery).
const REPLICATE_KEY = 'r8_PLANTED_rpl_0123456789';
const FAL_KEY = 'falid-PLANTED-4567:falsecret-PLANTED-89ab';
const OPENAI_KEY = 'sk-PLANTED-openai-cdef0123';
const QUERY_KEY = 'qk-PLANTED-query-4455';
const BODY_KEY = 'bk-PLANTED-body-6677';
const SECRETS = [REPLICATE_KEY, ...FAL_KEY.split(':'), OPENAI_KEY, QUERY_KEY, BODY_KEY];

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The test's own upstream on 127.0.0.1: a tiny provider that echoes the credential it got back in its answers. */
function startUpstream(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  let polls = 0;
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'up-1', 'x-secret-echo': String(req.headers.authorization), ...headers });
        res.end(JSON.stringify(value));
      };
      const path = (req.url ?? '').split('?')[0];
      if (req.method === 'POST' && path === '/v1/models/a/b/predictions') {
        return json(201, { id: 'p1', status: 'starting', urls: { get: `${self}/v1/predictions/p1` }, logs: `auth was ${req.headers.authorization}` });
      }
      if (req.method === 'GET' && path === '/v1/predictions/p1') {
        polls += 1;
        return json(
          200,
          polls < 2
            ? { id: 'p1', status: 'processing' }
            : { id: 'p1', status: 'succeeded', output: `https://replicate.delivery/x/out.png?token=SIGNEDTOKEN1234` },
        );
      }
      if (req.method === 'POST' && path === '/fal/queue/fal-ai/flux/dev') {
        return json(200, { request_id: 'r1', status: 'IN_QUEUE', response_url: 'https://queue.fal.run/fal-ai/flux/requests/r1' });
      }
      if (req.method === 'GET' && path === '/fal/queue/fal-ai/flux/requests/r1') {
        return json(200, { images: [{ url: 'https://v3.fal.media/files/x.png?X-Amz-Signature=SIGNATURE99887766' }], key_seen: FAL_KEY });
      }
      if (req.method === 'POST' && path === '/oa/v1/images/generations') {
        const sent = JSON.parse(body) as { api_key?: string };
        return json(200, { created: 1, data: [{ b64_json: 'AAAA' }], echo: sent.api_key });
      }
      if (req.method === 'GET' && path === '/oa/v1/files/f1/content') {
        res.writeHead(200, { 'content-type': 'image/png' });
        return res.end(encodePng(4, 3, 'up'));
      }
      if (path === '/oa/v1/hang') return; // never answers: the emulator's deadline must end it
      json(404, { error: { message: 'no such route' } });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server })),
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

let upstream: Awaited<ReturnType<typeof startUpstream>>;
let emu: Emulator;
let dir: string;
const TEST = { 'x-boards-test-id': 'rec-1' };

beforeAll(async () => {
  upstream = await startUpstream();
  dir = mkdtempSync(join(tmpdir(), 'proxy-record-'));
  emu = await startEmulator({
    upstream: { replicate: `${upstream.url}/v1`, fal: `${upstream.url}/fal`, openai: `${upstream.url}/oa/v1` },
    recordTo: dir,
    upstreamTimeoutMs: 300,
  });
});
afterAll(async () => {
  await emu.stop();
  upstream.server.closeAllConnections();
  await new Promise((resolve) => upstream.server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const predict = () =>
  fetch(`${emu.replicateBaseUrl}/models/a/b/predictions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${REPLICATE_KEY}`, 'content-type': 'application/json', ...TEST },
    body: JSON.stringify({ input: { prompt: 'a red circle' } }),
  });
const poll = async (base: string) =>
  (await (await fetch(`${base}/predictions/p1`, { headers: { authorization: `Bearer ${REPLICATE_KEY}`, ...TEST } })).json()) as Record<string, unknown>;

describe('proxy record mode', () => {
  it('forwards with the caller credentials and returns the upstream answer, its URLs mapped onto the emulator', async () => {
    const created = await predict();
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; urls: { get: string } };
    expect(body).toMatchObject({ id: 'p1', status: 'starting', urls: { get: `${emu.replicateBaseUrl}/predictions/p1` } });
    const sent = upstream.received[upstream.received.length - 1];
    expect([sent.method, sent.url, sent.headers.authorization, sent.body]).toEqual([
      'POST',
      '/v1/models/a/b/predictions',
      `Bearer ${REPLICATE_KEY}`,
      '{"input":{"prompt":"a red circle"}}',
    ]);
    expect(sent.headers['x-boards-test-id']).toBeUndefined();
    expect([(await poll(emu.replicateBaseUrl)).status, (await poll(emu.replicateBaseUrl)).status]).toEqual(['processing', 'succeeded']);
  });

  it('saves scrubbed recordings: no Authorization value, query key or body key reaches a file', async () => {
    const fal = { authorization: `Key ${FAL_KEY}`, 'content-type': 'application/json', ...TEST };
    expect((await fetch(`${emu.falBaseUrl}/queue/fal-ai/flux/dev`, { method: 'POST', headers: fal, body: '{"prompt":"x"}' })).status).toBe(200);
    expect((await fetch(`${emu.falBaseUrl}/queue/fal-ai/flux/requests/r1`, { headers: fal })).status).toBe(200);
    const image = await fetch(`${emu.openaiBaseUrl}/images/generations?api-key=${QUERY_KEY}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPENAI_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-image-2', prompt: 'x', api_key: BODY_KEY }),
    });
    expect(((await image.json()) as { echo: string }).echo).toBe(BODY_KEY); // the caller gets the real answer
    const png = await fetch(`${emu.openaiBaseUrl}/files/f1/content`, { headers: { authorization: `Bearer ${OPENAI_KEY}` } });
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    // Every credential reached the upstream...
    const auths = upstream.received.map((r) => r.headers.authorization);
    expect(auths).toEqual(expect.arrayContaining([`Bearer ${REPLICATE_KEY}`, `Key ${FAL_KEY}`, `Bearer ${OPENAI_KEY}`]));
    expect(upstream.received.some((r) => r.url.includes(QUERY_KEY) && r.body.includes(BODY_KEY))).toBe(true);

    // ...and none reached a recording, though the upstream echoed them back.
    const files = filesUnder(dir);
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['proxy.openai.json', 'proxy.openai/2.png', 'rec-1.fal.json', 'rec-1.replicate.json']);
    for (const file of files) {
      const text = readFileSync(file).toString('latin1');
      for (const secret of SECRETS) expect({ file, leaked: text.includes(secret) }).toEqual({ file, leaked: false });
      expect(text).not.toMatch(/SIGNEDTOKEN|SIGNATURE998/);
    }
    const openai = JSON.parse(readFileSync(join(dir, 'proxy.openai.json'), 'utf8')) as Recording;
    expect(openai.exchanges[0]).toMatchObject({
      api: 'openai',
      method: 'POST',
      path: '/images/generations',
      request: { api_key: '[SCRUBBED]', model: 'gpt-image-2' },
    });
    expect(openai.exchanges[1].body).toEqual({ file: 'proxy.openai/2.png', mimeType: 'image/png' });
    const falRecording = JSON.parse(readFileSync(join(dir, 'rec-1.fal.json'), 'utf8')) as Recording;
    expect(falRecording.exchanges.map((e) => [e.api, e.path])).toEqual([
      ['fal-queue', '/fal-ai/flux/dev'],
      ['fal-queue', '/fal-ai/flux/requests/r1'],
    ]);
    expect(falRecording.exchanges[0].body).toEqual({ json: expect.objectContaining({ response_url: '{{origin}}/fal/queue/fal-ai/flux/requests/r1' }) });
  });

  it('records provenance as live runs do: live unless the emulator itself answered (a loopback upstream may bill)', () => {
    const replicate = JSON.parse(readFileSync(join(dir, 'rec-1.replicate.json'), 'utf8')) as Recording;
    expect(replicate.format).toBe('boards-recording/1');
    expect(replicate.provenance).toMatchObject({
      generator: 'rec-1',
      provider: 'replicate',
      model: 'a/b',
      mode: 'live',
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
    });
    expect(replicate.input).toEqual({ prompt: 'a red circle' });
    expect(replicate.exchanges[0].headers).toEqual({ 'content-type': 'application/json', 'x-request-id': 'up-1' });
  });

  it("marks the emulator's own answers, never the ones it forwards", async () => {
    expect((await fetch(`${emu.replicateBaseUrl}/models/x/y`)).headers.get(EMULATOR_HEADER)).toBeNull();
    expect((await fetch(`${emu.url}/__emulator/requests`)).headers.get(EMULATOR_HEADER)).toBe('1');
    // An emulator in front of an emulator: the mark is the upstream's own, so such a call is still free.
    const inner = await startEmulator();
    const outer = await startEmulator({ upstream: { replicate: inner.replicateBaseUrl } });
    try {
      expect((await fetch(`${outer.replicateBaseUrl}/models/x/y`)).headers.get(EMULATOR_HEADER)).toBe('1');
    } finally {
      await outer.stop();
      await inner.stop();
    }
  });

  it('replays the recording later with the same answers, offline', async () => {
    const replay = await startEmulator({ replay: loadRecording(join(dir, 'rec-1.replicate.json')) });
    try {
      const created = (await (
        await fetch(`${replay.replicateBaseUrl}/models/a/b/predictions`, { method: 'POST', headers: { authorization: 'Bearer other' }, body: '{}' })
      ).json()) as { urls: { get: string } };
      expect(created).toMatchObject({ id: 'p1', status: 'starting', urls: { get: `${replay.replicateBaseUrl}/predictions/p1` } });
      const [first, second] = [await poll(replay.replicateBaseUrl), await poll(replay.replicateBaseUrl)];
      expect([first.status, second.status, second.output]).toEqual(['processing', 'succeeded', 'https://replicate.delivery/x/out.png?token=%5BSCRUBBED%5D']);
      expect(replay.unservedReplay()).toEqual([]);
    } finally {
      await replay.stop();
    }
  });

  it('answers 504 when the upstream does not answer in time, 502 when it cannot be reached', async () => {
    const hang = await fetch(`${emu.openaiBaseUrl}/hang`, { headers: { authorization: `Bearer ${OPENAI_KEY}` } });
    expect(hang.status).toBe(504);
    expect(JSON.stringify(await hang.json())).toMatch(/did not answer GET \/hang: no answer within 300 ms/);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const gone = await startEmulator({ upstream: [`replicate=http://127.0.0.1:${port}/v1`] });
    try {
      const answer = await fetch(`${gone.replicateBaseUrl}/predictions/x`, { headers: { authorization: 'Bearer x' } });
      expect([answer.status, ((await answer.json()) as { title: string }).title]).toEqual([502, expect.any(String)]);
      // Providers without an upstream are still emulated.
      expect((await fetch(`${gone.openaiBaseUrl}/models`, { headers: { authorization: 'Bearer sk-x' } })).status).toBe(200);
      const health = (await (await fetch(`${gone.url}/__emulator/health`)).json()) as { proxy: unknown };
      expect(health.proxy).toEqual({ upstreams: { replicate: `http://127.0.0.1:${port}/v1` } });
    } finally {
      await gone.stop();
    }
  });

  it('checks upstreams and flags before starting', async () => {
    expect(parseUpstreams(['fal=https://fal.run', 'openai=https://api.openai.com/v1/'])).toEqual({
      'fal-queue': 'https://queue.fal.run',
      'fal-run': 'https://fal.run',
      'fal-rest': 'https://rest.fal.ai',
      openai: 'https://api.openai.com/v1',
    });
    expect(() => parseUpstreams(['stability=https://x.example'])).toThrow(/upstream provider must be one of replicate, fal, fal-queue/);
    expect(() => parseUpstreams({ replicate: 'https://user:pw@api.replicate.com/v1' })).toThrow(/no credentials/);
    expect(() => parseUpstreams(['replicate'])).toThrow(/provider=URL/);
    await expect(startEmulator({ recordTo: dir })).rejects.toThrow(/recordTo needs an upstream/);
    expect(parseServiceArgs(['--upstream', 'replicate=http://127.0.0.1:1/v1', '--upstream=openai=http://127.0.0.1:1/v1', '--record-to', dir])).toMatchObject({
      upstream: ['replicate=http://127.0.0.1:1/v1', 'openai=http://127.0.0.1:1/v1'],
      recordTo: dir,
    });
    expect(() => parseServiceArgs(['--record-to', dir])).toThrow(/--record-to needs --upstream/);
    expect(() => parseServiceArgs(['--upstream', 'replicate=ftp://x'])).toThrow(/--upstream replicate must be an http\(s\) URL/);
  });
});
