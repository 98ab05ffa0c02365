import { Agent, request } from 'node:http';
import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';

/** A cap small enough to pass in a test; the real one (512 MB) works the same way. */
const CAP = 256 * 1024;

/**
 * POSTs `total` bytes of zeros in 64 KB chunks (never the whole body in memory), with a
 * Content-Length or chunked, and resolves with what the emulator answered.
 */
function upload(
  url: string,
  total: number,
  headers: Record<string, string>,
  chunked: boolean,
  agent?: Agent,
): Promise<{ status: number; body: string; reusedSocket: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, ...(chunked ? {} : { 'content-length': String(total) }) } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (p: Buffer) => parts.push(p));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), reusedSocket: req.reusedSocket }));
      res.on('error', reject);
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        const size = Math.min(chunk.length, total - sent);
        sent += size;
        if (!req.write(size === chunk.length ? chunk : chunk.subarray(0, size))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('a request body over the cap', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ maxBodyBytes: CAP });
  });
  afterAll(() => emu.stop());

  it.each([
    ['replicate', () => `${emu.replicateBaseUrl}/models/black-forest-labs/flux-schnell/predictions`, { authorization: 'Bearer r8_dummy' }, 'detail'],
    ['fal', () => `${emu.falBaseUrl}/queue/fal-ai/flux/dev`, { authorization: 'Key fal_dummy' }, 'detail'],
    ['openai', () => `${emu.openaiBaseUrl}/images/generations`, { authorization: 'Bearer sk-dummy' }, 'error'],
  ])('answers 413 in the %s error shape instead of cutting the connection', async (_, url, auth, field) => {
    for (const chunked of [false, true]) {
      const answer = await upload(url(), 3 * CAP, { ...auth, 'content-type': 'application/json' }, chunked);
      expect({ chunked, status: answer.status }).toEqual({ chunked, status: 413 });
      const body = JSON.parse(answer.body) as Record<string, unknown>;
      expect(JSON.stringify(body[field])).toContain(`larger than ${CAP} bytes`);
    }
  });

  it('reads a body a little over the cap to its end, so the 413 leaves the connection usable', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const over = await upload(`${emu.openaiBaseUrl}/images/generations`, CAP + CAP / 2, { authorization: 'Bearer sk-dummy' }, true, agent);
      expect(over.status).toBe(413);
      // The next request rides the same connection, and a body within the cap is read as before.
      const next = await upload(`${emu.url}/__emulator/faults`, 10, { 'content-type': 'application/json' }, false, agent);
      expect([next.status, next.reusedSocket]).toEqual([400, true]); // ten zero bytes are not JSON
    } finally {
      agent.destroy();
    }
  });
});
