import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRecording, type Recording } from '../kernel/recording';
import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';

function writeRecording(recording: Recording): string {
  const dir = mkdtempSync(join(tmpdir(), 'replay-test-'));
  mkdirSync(join(dir, 'media'));
  writeFileSync(join(dir, 'media', 'a.txt'), 'kept media');
  writeFileSync(join(dir, 'r.json'), JSON.stringify(recording));
  return join(dir, 'r.json');
}

const recording: Recording = {
  format: 'boards-recording/1',
  provenance: { generator: 'demo', provider: 'replicate', model: 'a/b', sdk: 'replicate@1.4.0', recordedAt: '2026-11-22', mode: 'live' },
  input: { prompt: 'x' },
  exchanges: [
    {
      api: 'replicate',
      method: 'POST',
      path: '/models/a/b/predictions',
      status: 201,
      headers: { 'content-type': 'application/json' },
      body: { json: { id: 'p1', status: 'starting' } },
    },
    { api: 'replicate', method: 'GET', path: '/predictions/p1', status: 200, headers: {}, body: { json: { id: 'p1', status: 'processing' } } },
    {
      api: 'replicate',
      method: 'GET',
      path: '/predictions/p1',
      status: 200,
      headers: {},
      body: { json: { id: 'p1', status: 'succeeded', output: '{{origin}}/__replay/files/1' } },
    },
    {
      api: 'files',
      method: 'GET',
      path: '/1',
      status: 200,
      headers: {},
      body: { standIn: { mimeType: 'image/png', width: 64, height: 32 }, sizeBytes: 2_000_000 },
    },
    { api: 'files', method: 'GET', path: '/2', status: 200, headers: {}, body: { file: 'media/a.txt', mimeType: 'text/plain' } },
  ],
};

describe('replay', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ replay: loadRecording(writeRecording(recording)) });
  });
  afterAll(() => emulator.stop());

  it('answers in recorded order, repeats the last answer, and puts its own origin in URLs', async () => {
    const create = await fetch(`${emulator.replicateBaseUrl}/models/a/b/predictions`, { method: 'POST', body: '{}' });
    expect(create.status).toBe(201);
    expect(await create.json()).toEqual({ id: 'p1', status: 'starting' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(((await (await fetch(`${emulator.replicateBaseUrl}/predictions/p1`)).json()) as { status: string }).status);
    expect(statuses).toEqual(['processing', 'succeeded', 'succeeded']);
    const last = (await (await fetch(`${emulator.replicateBaseUrl}/predictions/p1`)).json()) as { output: string };
    expect(last.output).toBe(`${emulator.url}/__replay/files/1`);
  });

  it('serves kept media and generated stand-ins of the recorded kind and size', async () => {
    const standIn = Buffer.from(await (await fetch(`${emulator.url}/__replay/files/1`)).arrayBuffer());
    expect(standIn.subarray(1, 4).toString()).toBe('PNG');
    expect([standIn.readUInt32BE(16), standIn.readUInt32BE(20)]).toEqual([64, 32]);
    expect(await (await fetch(`${emulator.url}/__replay/files/2`)).text()).toBe('kept media');
    expect(emulator.unservedReplay()).toEqual([]);
  });

  it('fails loudly for anything that was not recorded, instead of inventing an answer', async () => {
    const response = await fetch(`${emulator.openaiBaseUrl}/images/generations`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(501);
    expect(((await response.json()) as { error: string }).error).toMatch(/no recorded exchange for POST \/openai\/v1\/images\/generations.*BOARDS_RECORD=1/);
  });

  it('refuses a file that is not a recording', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-bad-'));
    writeFileSync(join(dir, 'x.json'), '{"format":"other"}');
    expect(() => loadRecording(join(dir, 'x.json'))).toThrow(/not a boards recording/);
  });
});
