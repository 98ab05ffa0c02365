import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePng } from '../kernel/media/png';
import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';

// Planted credentials, one per place a request carries one.
const BEARER = 'r8_Tq4Wm9Xc2Vb7Nz5Lk8Hj3Gf6';
const FAL_ID = 'fid-Pw3Ex8Rn2Ty';
const FAL_SECRET = 'fsk-Qa7Ud1Io5Pj9Km';
const QUERY_KEY = 'qk-Zx4Cv8Bn1Ml6Js';
const BODY_KEY = 'bk-Ha2Sd6Fg9Jk3Lo';
/** Never sent by the first request: the upstream echoes it before the session has seen it. */
const LATER_KEY = 'sk-Yu5Ir7Ew3Oq1Pt8Gs';
const CREDENTIALS = [BEARER, FAL_ID, FAL_SECRET, QUERY_KEY, BODY_KEY, LATER_KEY];

const windowsOf = (secret: string) => Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8));

/** The credential a request carried, by the places the proxy must look. */
function carried(url: string, headers: Record<string, string | string[] | undefined>, body: string): string[] {
  const auth = String(headers.authorization ?? '').replace(/^(Bearer|Key)\s+/i, '');
  const query = new URL(url, 'http://x').searchParams;
  let bodyKey: string | undefined;
  try {
    bodyKey = (JSON.parse(body) as { api_key?: string }).api_key;
  } catch {
    bodyKey = undefined;
  }
  return [...auth.split(':'), query.get('key') ?? '', query.get('api-key') ?? '', bodyKey ?? ''].filter((s) => s.length >= 8);
}

/**
 * An upstream on 127.0.0.1 that echoes the last 12 characters of every credential it got, the
 * way a provider puts a key's tail in a request id or an error: in a header, in a JSON body, in
 * a text body and inside a small binary answer.
 */
function startEchoUpstream(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      const tails = carried(req.url ?? '', req.headers, Buffer.concat(parts).toString('utf8')).map((k) => k.slice(-12));
      const path = (req.url ?? '').split('?')[0];
      const headers = { 'x-request-id': `req_${tails.join('_')}` };
      if (path.endsWith('/early')) {
        // Answers with a key the session only sees on a later request.
        res.writeHead(200, { ...headers, 'content-type': 'application/json' });
        return res.end(JSON.stringify({ hint: `key ends ${LATER_KEY.slice(-12)}` }));
      }
      if (path.endsWith('/early-image')) {
        res.writeHead(200, { ...headers, 'content-type': 'image/png' });
        return res.end(Buffer.concat([encodePng(2, 2, 'early'), Buffer.from(LATER_KEY.slice(-12))]));
      }
      if (path.endsWith('/image')) {
        res.writeHead(200, { ...headers, 'content-type': 'image/png' });
        return res.end(Buffer.concat([encodePng(4, 4, 'echo'), Buffer.from(tails.join('|'))]));
      }
      if (path.endsWith('/text')) {
        res.writeHead(200, { ...headers, 'content-type': 'text/plain' });
        return res.end(`you sent ...${tails.join(' and ...')}`);
      }
      res.writeHead(200, { ...headers, 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'p1', detail: { seen: tails, message: `invalid key ...${tails[0] ?? ''}` } }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('proxy recordings and echoed key fragments', () => {
  let upstream: Awaited<ReturnType<typeof startEchoUpstream>>;
  let emu: Emulator;
  let dir: string;
  beforeAll(async () => {
    upstream = await startEchoUpstream();
    dir = mkdtempSync(join(tmpdir(), 'proxy-fragments-'));
    emu = await startEmulator({ upstream: { replicate: `${upstream.url}/v1`, fal: `${upstream.url}/fal`, openai: `${upstream.url}/oa/v1` }, recordTo: dir });
  });
  afterAll(async () => {
    await emu.stop();
    upstream.server.closeAllConnections();
    await new Promise((resolve) => upstream.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes no run of 8 characters of any credential the session carried, wherever the upstream echoes it', async () => {
    const test = { 'x-boards-test-id': 'echo-test' };
    const json = { 'content-type': 'application/json', ...test };
    const answers = [
      await fetch(`${emu.replicateBaseUrl}/early`, { headers: test }),
      await fetch(`${emu.replicateBaseUrl}/early-image`, { headers: test }),
      await fetch(`${emu.replicateBaseUrl}/models/a/b/predictions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${BEARER}`, ...json },
        body: '{"input":{"prompt":"x"}}',
      }),
      await fetch(`${emu.replicateBaseUrl}/image`, { headers: { authorization: `Bearer ${BEARER}`, ...test } }),
      await fetch(`${emu.replicateBaseUrl}/text?key=${LATER_KEY}`, { headers: { authorization: `Bearer ${BEARER}`, ...test } }),
      await fetch(`${emu.falBaseUrl}/queue/fal-ai/flux/dev`, {
        method: 'POST',
        headers: { authorization: `Key ${FAL_ID}:${FAL_SECRET}`, ...json },
        body: '{}',
      }),
      await fetch(`${emu.openaiBaseUrl}/images/generations?api-key=${QUERY_KEY}`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ model: 'gpt-image-2', api_key: BODY_KEY }),
      }),
    ];
    // The caller still gets the upstream's own answer, echo and all.
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    expect(answers[2].headers.get('x-request-id')).toBe(`req_${BEARER.slice(-12)}`);
    await Promise.all(answers.map((a) => a.arrayBuffer()));

    const files = filesUnder(dir);
    for (const file of files) {
      const bytes = readFileSync(file);
      const texts = [bytes.toString('latin1'), bytes.toString('utf8'), file];
      for (const secret of CREDENTIALS) {
        for (const window of windowsOf(secret))
          expect({ file, window, leaked: texts.some((t) => t.includes(window)) }).toEqual({ file, window, leaked: false });
      }
    }
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['echo-test.fal.json', 'echo-test.openai.json', 'echo-test.replicate.json']);
    // The media that held a key's tail is a stand-in of the same kind, not the echoed bytes.
    const replicate = JSON.parse(readFileSync(join(dir, 'echo-test.replicate.json'), 'utf8')) as { exchanges: Array<{ path: string; body: unknown }> };
    expect(replicate.exchanges.find((e) => e.path === '/image')?.body).toEqual({
      standIn: { mimeType: 'image/png', width: 4, height: 4 },
      sizeBytes: expect.any(Number),
    });
    // Kept while no request had carried LATER_KEY, dropped once one did.
    expect(replicate.exchanges.find((e) => e.path === '/early-image')?.body).toEqual({
      standIn: { mimeType: 'image/png', width: 2, height: 2 },
      sizeBytes: expect.any(Number),
    });
  });
});
