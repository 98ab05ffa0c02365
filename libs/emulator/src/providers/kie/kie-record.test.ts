import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRecording } from '../../kernel/recording';
import { startEmulator, type Emulator } from '../../emulator';

// Record-through and replay of Kie, with a second emulator standing in for api.kie.ai.
const KEY = 'kie-PLANTED-key-0123456789';
const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'x-boards-test-id': 'kie-flow' };
const INPUT = { prompt: 'a red fox', aspect_ratio: '1:1', quality: 'basic' };

async function flow(base: string): Promise<{ uploaded: number; created: number; state: string; result: string }> {
  const upload = await fetch(`${base}/api/file-base64-upload`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ base64Data: `data:text/plain;base64,${Buffer.from('hello').toString('base64')}`, uploadPath: 'notes', fileName: 'a.txt' }),
  });
  const created = await fetch(`${base}/api/v1/jobs/createTask`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ model: 'seedream/4.5-text-to-image', input: INPUT }),
  });
  const { data } = (await created.json()) as { data: { taskId: string } };
  const info = await fetch(`${base}/api/v1/jobs/recordInfo?taskId=${data.taskId}`, { headers });
  const record = (await info.json()) as { data: { state: string; resultJson: string } };
  return { uploaded: upload.status, created: created.status, state: record.data.state, result: record.data.resultJson };
}

let upstream: Emulator;
let dir: string;
beforeAll(async () => {
  upstream = await startEmulator();
  dir = mkdtempSync(join(tmpdir(), 'kie-record-'));
});
afterAll(async () => {
  await upstream.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('records a Kie task through the proxy (no key kept) and replays it to the same answers', async () => {
  // The task API and the upload host are two upstreams, as the real service has them.
  const proxy = await startEmulator({ upstream: [`kie=${upstream.kieBaseUrl}`, `kie-upload=${upstream.kieBaseUrl}`], recordTo: dir });
  const live = await flow(proxy.kieBaseUrl).finally(() => proxy.stop());
  expect(live).toMatchObject({ uploaded: 200, created: 200, state: 'success' });
  expect(upstream.requestsFor('kie').map((r) => r.operation)).toEqual(['upload', 'createTask', 'recordInfo']);

  expect(readdirSync(dir)).toContain('kie-flow.kie.json');
  const file = join(dir, 'kie-flow.kie.json');
  expect(readFileSync(file, 'utf8')).not.toContain('PLANTED');
  const recording = loadRecording(file);
  expect(recording.provenance).toMatchObject({ provider: 'kie', model: 'seedream/4.5-text-to-image' });
  expect(recording.input).toEqual(INPUT);
  expect(recording.exchanges.map((e) => `${e.api} ${e.method} ${e.path.split('?')[0]}`)).toEqual([
    'kie-upload POST /api/file-base64-upload',
    'kie POST /api/v1/jobs/createTask',
    'kie GET /api/v1/jobs/recordInfo',
  ]);

  const replay = await startEmulator({ replay: recording });
  try {
    const replayed = await flow(replay.kieBaseUrl);
    expect(replayed).toEqual(live);
    expect(replay.unservedReplay()).toEqual([]);
  } finally {
    await replay.stop();
  }
});
