import { encodePng, pngSize } from '../../kernel/media/png';
import { providerInputSchema } from '../../emulator';
import { startEmulator } from '../../emulator';
import type { Emulator } from '../../emulator';

const AUTH = { authorization: 'Bearer kie_test', 'content-type': 'application/json' };
const PNG = encodePng(40, 30, 'kie-input');
let emu: Emulator;
let api: string;

beforeAll(async () => {
  emu = await startEmulator();
  api = `${emu.url}/kie/api`;
});
afterAll(() => emu.stop());
afterEach(() => {
  emu.setJobDurationMs(0);
  emu.clearFaults();
});

const call = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${api}/${path}`, { ...init, headers: { ...AUTH, ...(init.headers as Record<string, string>) } });
  return { status: response.status, headers: response.headers, body: await response.json() };
};
const createTask = (body: unknown, headers: Record<string, string> = {}) => call('v1/jobs/createTask', { method: 'POST', body: JSON.stringify(body), headers });
const recordInfo = (taskId: string) => call(`v1/jobs/recordInfo?taskId=${encodeURIComponent(taskId)}`);
const uploadBase64 = async () => {
  const { body } = await call('file-base64-upload', {
    method: 'POST',
    body: JSON.stringify({ base64Data: `data:image/png;base64,${PNG.toString('base64')}`, uploadPath: 'images/in', fileName: 'in.png' }),
  });
  return body.data.downloadUrl as string;
};

/** Polls recordInfo until the task ends; returns every state seen (in order) and the last record. */
async function settle(taskId: string) {
  const states: string[] = [];
  for (;;) {
    const { status, body } = await recordInfo(taskId);
    expect(status).toBe(200);
    if (states[states.length - 1] !== body.data.state) states.push(body.data.state);
    if (body.data.state === 'success' || body.data.state === 'fail') return { states, data: body.data };
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('Kie market tasks', () => {
  it('creates a task and reports waiting -> queuing -> generating -> success with resultJson as a JSON string', async () => {
    emu.setJobDurationMs(600);
    const input = { prompt: 'make it blue', image_urls: [await uploadBase64()], aspect_ratio: '16:9', output_format: 'png' };
    const created = await createTask({ model: 'google/nano-banana-edit', callBackUrl: 'https://example.invalid/cb', input });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ code: 200, msg: 'success', data: { taskId: expect.stringMatching(/^[0-9a-f]{32}$/) } });
    const { states, data } = await settle(created.body.data.taskId);
    // In Kie's order (a poll may miss the short waiting and queuing spans on a loaded machine).
    const order = ['waiting', 'queuing', 'generating', 'success'];
    expect(states.map((s) => order.indexOf(s))).toEqual([...states.map((s) => order.indexOf(s))].sort());
    expect(states.slice(-2)).toEqual(['generating', 'success']);
    expect(data).toEqual({
      taskId: created.body.data.taskId,
      model: 'google/nano-banana-edit',
      state: 'success',
      param: JSON.stringify({ model: 'google/nano-banana-edit', callBackUrl: 'https://example.invalid/cb', input }),
      resultJson: expect.any(String),
      failCode: '',
      failMsg: '',
      costTime: expect.any(Number),
      completeTime: expect.any(Number),
      createTime: expect.any(Number),
      updateTime: data.completeTime,
    });
    expect(data.completeTime - data.createTime).toBeGreaterThanOrEqual(600);
    expect(data.costTime).toBeGreaterThan(0);
    const { resultUrls } = JSON.parse(data.resultJson);
    expect(resultUrls).toEqual([expect.stringMatching(new RegExp(`^${emu.url}/files/`))]);
    const image = Buffer.from(await (await fetch(resultUrls[0])).arrayBuffer());
    expect(pngSize(image)).toEqual({ width: 1344, height: 768 });
  });

  it('edits at the size of the first input with aspect_ratio auto', async () => {
    const created = await createTask({ model: 'google/nano-banana-edit', input: { prompt: 'x', image_urls: [await uploadBase64()], aspect_ratio: 'auto' } });
    const { data } = await settle(created.body.data.taskId);
    const image = Buffer.from(await (await fetch(JSON.parse(data.resultJson).resultUrls[0])).arrayBuffer());
    expect(pngSize(image)).toEqual({ width: 40, height: 30 });
  });

  it('renders Seedream 4.5 basic at 2K and Seedance 1.5 Pro as an MP4 of the asked resolution and duration', async () => {
    const image = await createTask({ model: 'seedream/4.5-text-to-image', input: { prompt: 'a fox', aspect_ratio: '1:1', quality: 'basic' } });
    const video = await createTask({
      model: 'bytedance/seedance-1.5-pro',
      input: { prompt: 'a fox runs', aspect_ratio: '16:9', resolution: '480p', duration: 4 },
    });
    const png = await fetch(JSON.parse((await settle(image.body.data.taskId)).data.resultJson).resultUrls[0]);
    expect(pngSize(Buffer.from(await png.arrayBuffer()))).toEqual({ width: 2048, height: 2048 });
    const mp4 = await fetch(JSON.parse((await settle(video.body.data.taskId)).data.resultJson).resultUrls[0]);
    expect(mp4.headers.get('content-type')).toBe('video/mp4');
    const bytes = Buffer.from(await mp4.arrayBuffer());
    const tkhd = bytes.indexOf('tkhd');
    // tkhd v0: width and height are 16.16 fixed point at the end of the box.
    expect([bytes.readUInt32BE(tkhd + 80) >>> 16, bytes.readUInt32BE(tkhd + 84) >>> 16]).toEqual([854, 480]);
  });

  it('fails the task with failCode 422 when an input image cannot be read', async () => {
    const created = await createTask({ model: 'google/nano-banana-edit', input: { prompt: 'x', image_urls: [`${emu.url}/files/missing.png`] } });
    const { data } = await settle(created.body.data.taskId);
    expect(data).toMatchObject({ state: 'fail', resultJson: '', failCode: '422', failMsg: expect.stringContaining('image_urls[0]') });
  });

  it('answers validation errors and unknown models as HTTP 200 with code 422 in the envelope, creating no task', async () => {
    const missing = await createTask({ model: 'google/nano-banana-edit', input: { image_urls: [] } });
    expect(missing).toMatchObject({ status: 200, body: { code: 422, msg: 'input.prompt: Field required', data: null } });
    const tooMany = await createTask({ model: 'google/nano-banana-edit', input: { prompt: 'x', image_urls: Array(11).fill('u') } });
    expect(tooMany.body).toMatchObject({ code: 422, msg: expect.stringContaining('input.image_urls: List should have at most 10 items') });
    const badEnum = await createTask({ model: 'seedream/4.5-text-to-image', input: { prompt: 'x', aspect_ratio: '5:4', quality: 'basic' } });
    expect(badEnum.body).toMatchObject({ code: 422, msg: expect.stringContaining('input.aspect_ratio') });
    const unknown = await createTask({ model: 'acme/not-a-model', input: { prompt: 'x' } });
    expect(unknown).toMatchObject({ status: 200, body: { code: 422, msg: expect.stringContaining('acme/not-a-model is not supported') } });
  });

  it('answers recordInfo errors with the HTTP status in the body code (400 without taskId, 404 for an unknown task)', async () => {
    expect(await call('v1/jobs/recordInfo')).toMatchObject({ status: 400, body: { code: 400, msg: 'taskId parameter is required' } });
    expect(await recordInfo('0'.repeat(32))).toMatchObject({ status: 404, body: { code: 404, msg: 'Task not found' } });
  });

  it('refuses requests without a bearer key: 401 in the task API shape and in the upload API shape', async () => {
    const task = await fetch(`${api}/v1/jobs/createTask`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect([task.status, await task.json()]).toEqual([401, { code: 401, msg: 'You do not have access permissions' }]);
    const upload = await fetch(`${api}/file-base64-upload`, { method: 'POST', body: '{}', headers: { authorization: 'Key x' } });
    expect([upload.status, await upload.json()]).toEqual([401, { success: false, code: 401, msg: 'Authentication failed: Invalid API Key' }]);
  });

  it('reports the account credits', async () => {
    expect(await call('v1/chat/credit')).toEqual({ status: 200, headers: expect.anything(), body: { code: 200, msg: 'success', data: 100_000 } });
  });

  it('holds the input schema of each model it serves for the drift check', () => {
    expect(providerInputSchema('kie', 'google/nano-banana-edit')).toMatchObject({ prompt: { required: true, maxLength: 5000 }, image_urls: { maxItems: 10 } });
    expect(providerInputSchema('kie', 'acme/not-a-model')).toBeUndefined();
  });
});

describe('Kie file upload API', () => {
  const expectStored = async (data: Record<string, unknown>, bytes: Buffer) => {
    expect(data).toEqual({
      fileName: expect.any(String),
      filePath: expect.stringMatching(/^images\/in\//),
      downloadUrl: expect.stringMatching(new RegExp(`^${emu.url}/files/`)),
      fileSize: bytes.length,
      mimeType: 'image/png',
      uploadedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(Buffer.from(await (await fetch(String(data.downloadUrl))).arrayBuffer()).equals(bytes)).toBe(true);
  };

  it('stores a multipart stream upload and serves it at downloadUrl', async () => {
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png');
    form.append('uploadPath', 'images/in');
    const response = await fetch(`${api}/file-stream-upload`, { method: 'POST', body: form, headers: { authorization: AUTH.authorization } });
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body).toMatchObject({
      success: true,
      code: 200,
      msg: 'File uploaded successfully',
      data: { fileName: 'photo.png', filePath: 'images/in/photo.png' },
    });
    await expectStored(body.data, PNG);
  });

  it('stores base64 (data: URL or bare) and URL uploads', async () => {
    const bare = await call('file-base64-upload', {
      method: 'POST',
      body: JSON.stringify({ base64Data: PNG.toString('base64'), uploadPath: 'images/in', fileName: 'a.png' }),
    });
    await expectStored(bare.body.data, PNG);
    const byUrl = await call('file-url-upload', { method: 'POST', body: JSON.stringify({ fileUrl: bare.body.data.downloadUrl, uploadPath: 'images/in' }) });
    expect(byUrl.body.data.fileName).toBe('a.png');
    await expectStored(byUrl.body.data, PNG);
  });

  it('answers 400 in its own envelope for a missing uploadPath or bad base64', async () => {
    const noPath = await call('file-base64-upload', { method: 'POST', body: JSON.stringify({ base64Data: 'AAAA' }) });
    expect(noPath).toMatchObject({ status: 400, body: { success: false, code: 400, msg: 'Missing required parameter: uploadPath' } });
    const bad = await call('file-base64-upload', { method: 'POST', body: JSON.stringify({ base64Data: '**', uploadPath: 'x' }) });
    expect(bad).toMatchObject({ status: 400, body: { success: false, code: 400, msg: 'Base64 decoding failed: Invalid Base64 format' } });
  });
});

describe('Kie faults', () => {
  const nano = async () => ({ model: 'google/nano-banana-edit', input: { prompt: 'x', image_urls: [await uploadBase64()] } });

  it('answers a 429 fault as HTTP 429 with Retry-After, and a 402 fault as HTTP 200 with code 402 (insufficient credits)', async () => {
    emu.injectFault({ provider: 'kie', operation: 'createTask', kind: 'status', status: 429, retryAfterSeconds: 2 });
    const limited = await createTask(await nano());
    expect(limited).toMatchObject({ status: 429, body: { code: 429, msg: 'Rate limit exceeded (emulated fault)' } });
    expect(limited.headers.get('retry-after')).toBe('2');
    emu.injectFault({ provider: 'kie', operation: 'createTask', kind: 'status', status: 402 });
    expect(await createTask(await nano())).toMatchObject({ status: 200, body: { code: 402, data: null } });
    expect((await createTask(await nano())).body.code).toBe(200);
  });

  it('ends the next task failed on job-failed, and failed (Kie has no cancel) on job-canceled', async () => {
    emu.injectFault({ provider: 'kie', kind: 'job-failed' });
    const failed = await settle((await createTask(await nano())).body.data.taskId);
    expect(failed.data).toMatchObject({ state: 'fail', failCode: '500', failMsg: 'Internal server error', resultJson: '' });
    emu.injectFault({ provider: 'kie', kind: 'job-canceled' });
    const stopped = await settle((await createTask(await nano())).body.data.taskId);
    expect(stopped.data).toMatchObject({ state: 'fail', failMsg: expect.stringContaining('job-canceled') });
  });

  it('scopes faults and job durations to one test with x-boards-test-id', async () => {
    const body = await nano();
    emu.injectFault({ provider: 'kie', operation: 'createTask', kind: 'status', status: 503, testId: 'kie-a' });
    emu.setJobDurationMs(30_000, 'kie-b');
    expect((await createTask(body, { 'x-boards-test-id': 'kie-other' })).status).toBe(200);
    expect(await createTask(body, { 'x-boards-test-id': 'kie-a' })).toMatchObject({ status: 503, body: { code: 503 } });
    const slow = await createTask(body, { 'x-boards-test-id': 'kie-b' });
    // 30 s job: waiting for its first 3 s.
    expect((await recordInfo(slow.body.data.taskId)).body.data).toMatchObject({ state: 'waiting', completeTime: null, costTime: 0, resultJson: '' });
    emu.setJobDurationMs(null, 'kie-b');
  });
});
