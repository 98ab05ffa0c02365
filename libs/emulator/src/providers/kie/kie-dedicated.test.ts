import { encodePng } from '../../kernel/media/png';
import { EMULATOR_HEADER } from '../../kernel/scrub';
import { providerInputSchema, startEmulator, type Emulator } from '../../emulator';
import { kieModule } from './module';

const AUTH = { authorization: 'Bearer kie_test', 'content-type': 'application/json' };
let emu: Emulator;
let api: string;

beforeAll(async () => {
  emu = await startEmulator();
  api = `${emu.url}/kie/api/v1`;
});
afterAll(() => emu.stop());
afterEach(() => {
  emu.setJobDurationMs(0);
  emu.clearFaults();
  emu.clearRequests();
});

const call = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${api}/${path}`, { ...init, headers: { ...AUTH, ...(init.headers as Record<string, string>) } });
  return { status: response.status, headers: response.headers, body: await response.json() };
};
const post = (path: string, body: unknown) => call(path, { method: 'POST', body: JSON.stringify(body) });

/** Polls a task-details endpoint until `done` says the record is final; returns every record seen. */
async function settle(path: string, taskId: string, done: (data: Record<string, unknown>) => boolean) {
  const seen: Array<Record<string, unknown>> = [];
  for (;;) {
    const { status, body } = await call(`${path}?taskId=${encodeURIComponent(taskId)}`);
    expect([status, body.code]).toEqual([200, 200]);
    seen.push(body.data);
    if (done(body.data)) return seen;
    await new Promise((r) => setTimeout(r, 10));
  }
}
const mp4Size = (bytes: Buffer) => {
  const tkhd = bytes.indexOf('tkhd');
  return [bytes.readUInt32BE(tkhd + 80) >>> 16, bytes.readUInt32BE(tkhd + 84) >>> 16];
};
const bytesOf = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

describe('Kie Veo 3.1 API', () => {
  it('creates a task and answers record-info with successFlag 0, then 1 with response.resultUrls, marked as the emulator', async () => {
    emu.setJobDurationMs(300);
    const created = await post('veo/generate', {
      prompt: 'a fox runs',
      model: 'veo3_fast',
      aspect_ratio: '9:16',
      duration: 4,
      callBackUrl: 'https://cb.invalid/x',
    });
    expect(created.status).toBe(200);
    expect(created.headers.get(EMULATOR_HEADER)).toBe('1');
    expect(created.body).toEqual({ code: 200, msg: 'success', data: { taskId: expect.stringMatching(/^[0-9a-f]{32}$/) } });
    const seen = await settle('veo/record-info', created.body.data.taskId, (d) => d.successFlag !== 0);
    expect(seen[0]).toMatchObject({ successFlag: 0, response: null, completeTime: null, errorCode: null });
    const last = seen[seen.length - 1];
    expect(last).toEqual({
      taskId: created.body.data.taskId,
      paramJson: JSON.stringify({ prompt: 'a fox runs', model: 'veo3_fast', aspect_ratio: '9:16', duration: 4, callBackUrl: 'https://cb.invalid/x' }),
      completeTime: expect.any(Number),
      response: {
        taskId: created.body.data.taskId,
        resultUrls: [expect.any(String)],
        fullResultUrls: [expect.any(String)],
        originUrls: [expect.any(String)],
        resolution: '720p',
      },
      successFlag: 1,
      errorCode: null,
      errorMessage: '',
      createTime: expect.any(Number),
      fallbackFlag: false,
    });
    const video = await bytesOf((last.response as { resultUrls: string[] }).resultUrls[0]);
    expect(mp4Size(video)).toEqual([720, 1280]);
  });

  it("checks the body against the page's schema (HTTP 200, code 422 naming the field) and needs a bearer key as the page's scheme says", async () => {
    const bad = await post('veo/generate', { prompt: 'x', duration: 5 });
    expect(bad).toMatchObject({ status: 200, body: { code: 422, msg: expect.stringContaining('duration'), data: null } });
    const missing = await post('veo/generate', { model: 'veo3' });
    expect(missing.body).toMatchObject({ code: 422, msg: expect.stringContaining('prompt') });
    const anonymous = await fetch(`${api}/veo/generate`, { method: 'POST', body: '{"prompt":"x"}', headers: { 'content-type': 'application/json' } });
    expect(anonymous.status).toBe(401);
    expect(emu.requestsFor('kie').map((r) => r.operation)).toEqual(['veoGenerate', 'veoGenerate', 'veoGenerate']);
  });

  it('fails a task whose image cannot be read with successFlag 2, and a job-failed one with 3', async () => {
    const unread = await post('veo/generate', { prompt: 'x', imageUrls: [`${emu.url}/files/missing.png`] });
    const [first] = (await settle('veo/record-info', unread.body.data.taskId, (d) => d.successFlag !== 0)).slice(-1);
    expect(first).toMatchObject({ successFlag: 2, errorCode: 400, errorMessage: expect.stringContaining('image'), response: null });
    emu.injectFault({ provider: 'kie', kind: 'job-failed' });
    const failed = await post('veo/generate', { prompt: 'x' });
    const [last] = (await settle('veo/record-info', failed.body.data.taskId, (d) => d.successFlag !== 0)).slice(-1);
    expect(last).toMatchObject({ successFlag: 3, errorCode: 500 });
  });

  it("answers a task it does not hold (or another API's) with code 422 record is null, in the body", async () => {
    const aleph = await post('aleph/generate', { prompt: 'x', videoUrl: (await uploadedVideo()).url });
    expect(await call(`veo/record-info?taskId=${aleph.body.data.taskId}`)).toMatchObject({ status: 200, body: { code: 422, msg: 'record is null' } });
    expect((await call('veo/record-info')).body).toMatchObject({ code: 422, msg: 'taskId is required' });
  });
});

async function uploadedVideo() {
  const created = await post('veo/generate', { prompt: 'source clip', duration: 4 });
  const [done] = (await settle('veo/record-info', created.body.data.taskId, (d) => d.successFlag === 1)).slice(-1);
  return { url: (done.response as { resultUrls: string[] }).resultUrls[0] };
}

describe('Kie Runway Aleph API', () => {
  it('reads the input video and answers a 5 s MP4 at the aspect ratio asked, with a thumbnail, its times as ISO strings', async () => {
    const { url } = await uploadedVideo();
    const created = await post('aleph/generate', { prompt: 'make it snow', videoUrl: url, aspectRatio: '1:1' });
    expect(created.body.data.taskId).toMatch(/^[0-9a-f-]{36}$/);
    const [done] = (await settle('aleph/record-info', created.body.data.taskId, (d) => d.successFlag === 1 || Boolean(d.errorMessage))).slice(-1);
    expect(done).toMatchObject({
      successFlag: 1,
      errorCode: 0,
      errorMessage: '',
      completeTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      createTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      response: { taskId: created.body.data.taskId, resultVideoUrl: expect.any(String), resultImageUrl: expect.any(String) },
    });
    expect(mp4Size(await bytesOf((done.response as { resultVideoUrl: string }).resultVideoUrl))).toEqual([720, 720]);
  });

  it('keeps successFlag 0 for a failed task and says why in errorCode and errorMessage; requires videoUrl', async () => {
    const created = await post('aleph/generate', { prompt: 'x', videoUrl: `${emu.url}/files/nothing.mp4` });
    const [done] = (await settle('aleph/record-info', created.body.data.taskId, (d) => d.successFlag === 1 || Boolean(d.errorMessage))).slice(-1);
    expect(done).toMatchObject({ successFlag: 0, errorCode: 400, errorMessage: expect.stringContaining('video'), response: null });
    expect((await post('aleph/generate', { prompt: 'x' })).body).toMatchObject({ code: 422, msg: expect.stringContaining('videoUrl') });
  });
});

describe('Kie Suno API', () => {
  const music = { prompt: 'a calm piano tune', customMode: false, instrumental: true, model: 'V5_5', callBackUrl: 'https://cb.invalid/x' };

  it('moves PENDING -> TEXT_SUCCESS -> FIRST_SUCCESS -> SUCCESS, listing the first track early and both at the end', async () => {
    emu.setJobDurationMs(600);
    const created = await post('generate', music);
    const seen = await settle('generate/record-info', created.body.data.taskId, (d) => d.status === 'SUCCESS');
    const statuses = seen.map((d) => d.status).filter((s, i, all) => s !== all[i - 1]);
    const order = ['PENDING', 'TEXT_SUCCESS', 'FIRST_SUCCESS', 'SUCCESS'];
    expect(statuses.map((s) => order.indexOf(String(s)))).toEqual([...statuses.map((s) => order.indexOf(String(s)))].sort());
    expect(statuses[statuses.length - 1]).toBe('SUCCESS');
    // FIRST_SUCCESS spans 40% of the 600 ms job: polls every 10 ms see it.
    const first = seen.find((d) => d.status === 'FIRST_SUCCESS');
    expect((first?.response as { sunoData: unknown[] } | undefined)?.sunoData).toHaveLength(1);
    const done = seen[seen.length - 1];
    expect(done).toMatchObject({
      taskId: created.body.data.taskId,
      param: JSON.stringify(music),
      operationType: 'generate',
      errorCode: null,
      errorMessage: null,
    });
    const tracks = (done.response as { sunoData: Array<Record<string, unknown>> }).sunoData;
    expect(tracks).toEqual([expect.objectContaining({ duration: 8, modelName: 'chirp-v5-5' }), expect.objectContaining({ duration: 8 })]);
    const wav = await fetch(String(tracks[0].audioUrl));
    expect(wav.headers.get('content-type')).toBe('audio/wav');
  });

  it("holds the pages' prose rules: custom mode needs style and title, a non-custom prompt at most 500 characters; callBackUrl is required", async () => {
    expect((await post('generate', { ...music, customMode: true })).body).toMatchObject({ code: 422, msg: 'style is required in custom mode' });
    expect((await post('generate', { ...music, prompt: 'x'.repeat(501) })).body).toMatchObject({ code: 422, msg: 'prompt: at most 500 characters' });
    const { callBackUrl: _cb, ...noCallback } = music;
    expect((await post('generate', noCallback)).body).toMatchObject({ code: 422, msg: expect.stringContaining('callBackUrl') });
  });

  it('makes one sound on /generate/sounds, read at the shared record-info; a job-failed task ends GENERATE_AUDIO_FAILED', async () => {
    const created = await post('generate/sounds', { prompt: 'a door creaks', model: 'V5', soundLoop: false });
    const [done] = (await settle('generate/record-info', created.body.data.taskId, (d) => d.status === 'SUCCESS')).slice(-1);
    expect((done.response as { sunoData: unknown[] }).sunoData).toEqual([expect.objectContaining({ duration: 4 })]);
    emu.injectFault({ provider: 'kie', operation: 'sunoSounds', kind: 'job-failed' });
    const failed = await post('generate/sounds', { prompt: 'a door creaks' });
    const [end] = (
      await settle(
        'generate/record-info',
        failed.body.data.taskId,
        (d) => d.status !== 'PENDING' && d.status !== 'TEXT_SUCCESS' && d.status !== 'FIRST_SUCCESS',
      )
    ).slice(-1);
    expect(end).toMatchObject({ status: 'GENERATE_AUDIO_FAILED', response: null, errorCode: 500 });
  });
});

describe('Kie dedicated APIs and snapshots', () => {
  it("holds each dedicated API's body schema for the drift check, callBackUrl left out (it says where Kie reports, not what it makes)", () => {
    expect(providerInputSchema('kie', 'veo3-api/generate-veo-3-video')).toMatchObject({ prompt: { required: true }, duration: { enum: [4, 6, 8] } });
    expect(providerInputSchema('kie', 'suno-api/generate-music')).toMatchObject({ customMode: { required: true }, model: { required: true } });
    expect(providerInputSchema('kie', 'suno-api/generate-music')).not.toHaveProperty('callBackUrl');
    expect(providerInputSchema('kie', 'runway-api/generate-aleph-video')).toMatchObject({ videoUrl: { required: true } });
  });

  it('names the model of a recorded generate call by its docs page, its input without callBackUrl', () => {
    const body = { prompt: 'x', model: 'V5', callBackUrl: 'https://cb.invalid/x' };
    expect(kieModule.modelOf?.('kie', '/api/v1/generate/sounds', body)).toEqual({ model: 'suno-api/generate-sounds', input: { prompt: 'x', model: 'V5' } });
    expect(kieModule.modelOf?.('kie', '/api/v1/veo/record-info', body)).toBeUndefined();
  });

  it('answers a dedicated API without a snapshot as not served, creating no task', async () => {
    const bare = await startEmulator({ referenceSnapshots: false });
    try {
      const response = await fetch(`${bare.url}/kie/api/v1/veo/generate`, { method: 'POST', headers: AUTH, body: '{"prompt":"x"}' });
      expect(await response.json()).toMatchObject({ code: 422, msg: expect.stringContaining('no snapshot of veo3-api/generate-veo-3-video') });
    } finally {
      await bare.stop();
    }
  });

  it('answers a 402 fault on a generate endpoint in the body (HTTP 200), a 503 fault as HTTP 503', async () => {
    emu.injectFault({ provider: 'kie', operation: 'alephGenerate', kind: 'status', status: 402 });
    const png = encodePng(8, 8, 'x');
    expect(await post('aleph/generate', { prompt: 'x', videoUrl: `data:image/png;base64,${png.toString('base64')}` })).toMatchObject({
      status: 200,
      body: { code: 402 },
    });
    emu.injectFault({ provider: 'kie', operation: 'sunoRecordInfo', kind: 'status', status: 503 });
    expect((await call('generate/record-info?taskId=x')).status).toBe(503);
  });
});
