import { pngSize } from '../../kernel/media/png';
import { encodeWav, wavDurationSeconds } from '../../kernel/media/wav';
import { rewriteFalUrl } from './rewrite';
import { startEmulator } from '../../emulator';
import type { Emulator } from '../../emulator';

const AUTH = { authorization: 'Key fal_test', 'content-type': 'application/json' };
let emu: Emulator;
let queue: string;

beforeAll(async () => {
  emu = await startEmulator();
  queue = `${emu.falBaseUrl}/queue`;
});
afterAll(() => emu.stop());
afterEach(() => emu.setJobDurationMs(0));

/** Submits; the answer's URLs are fal's own (https://queue.fal.run/...), mapped here as a client does. */
const submit = async (endpoint: string, input: unknown) => {
  const response = await fetch(`${queue}/${endpoint}`, { method: 'POST', headers: AUTH, body: JSON.stringify(input) });
  expect(response.status).toBe(200);
  const raw = await response.json();
  const local = (url: string) => rewriteFalUrl(url, emu.falBaseUrl);
  return { ...raw, raw, response_url: local(raw.response_url), status_url: local(raw.status_url), cancel_url: local(raw.cancel_url) };
};
const getJson = async (url: string) => {
  const response = await fetch(url, { headers: AUTH });
  return { status: response.status, headers: response.headers, body: await response.json() };
};

/** Reads an SSE response to its end and returns the parsed `data:` events. */
async function readEvents(response: Response): Promise<Record<string, unknown>[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => JSON.parse(block.slice('data: '.length)));
}

describe('fal queue', () => {
  it('submits, reports IN_QUEUE -> IN_PROGRESS -> COMPLETED, and serves the result with billing headers', async () => {
    // The job's phases follow the emulator's clock: the test moves it on instead of waiting.
    emu.setJobDurationMs(10_000);
    const sub = await submit('fal-ai/nano-banana', { prompt: 'a cat', num_images: 2, aspect_ratio: '4:3' });
    const base = `https://queue.fal.run/fal-ai/nano-banana/requests/${sub.request_id}`;
    expect(sub.raw).toEqual({
      status: 'IN_QUEUE',
      request_id: expect.any(String),
      response_url: base,
      status_url: `${base}/status`,
      cancel_url: `${base}/cancel`,
      logs: null,
      metrics: {},
      queue_position: 0,
    });
    const seen: string[] = [sub.status];
    const poll = async () => {
      const answer = await getJson(`${sub.status_url}?logs=1`);
      if (seen[seen.length - 1] !== answer.body.status) seen.push(answer.body.status);
      if (answer.body.status === 'IN_PROGRESS') expect(answer.status).toBe(202);
      return answer;
    };
    await poll(); // queued for the first 20% of the job
    emu.advanceClock(5_000);
    await poll(); // running
    emu.advanceClock(5_000);
    // Done once its output is built (that starts at submit and takes real time): polls, at most 500.
    let status = await poll();
    for (let i = 0; i < 500 && status.body.status !== 'COMPLETED'; i++) status = await poll();
    expect(seen).toEqual(['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED']);
    expect(status.status).toBe(200);
    expect(status.body.metrics.inference_time).toEqual(expect.any(Number));
    expect(status.body.logs[0]).toEqual({ message: expect.any(String), level: 'INFO', source: 'USER', timestamp: expect.any(String) });
    expect((await getJson(sub.status_url)).body.logs).toBeNull();

    const result = await getJson(sub.response_url);
    expect(result.status).toBe(200);
    expect(result.headers.get('x-fal-billable-units')).toBe('2');
    expect(result.headers.get('x-fal-request-id')).toBe(sub.request_id);
    expect(result.body).toEqual({ images: [expect.any(Object), expect.any(Object)], description: expect.any(String) });
    const image = result.body.images[0];
    expect(image).toEqual({
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/files\//),
      content_type: 'image/png',
      file_name: expect.any(String),
      file_size: expect.any(Number),
      width: 1184,
      height: 864,
    });
    const bytes = Buffer.from(await (await fetch(image.url)).arrayBuffer());
    expect(bytes.length).toBe(image.file_size);
    expect(pngSize(bytes)).toEqual({ width: 1184, height: 864 });
  });

  it('answers status/result both under the app id (as the client polls) and under the full endpoint id', async () => {
    const sub = await submit('fal-ai/nano-banana/edit', { prompt: 'edit me', image_urls: [`data:image/png;base64,${Buffer.from('x').toString('base64')}`] });
    expect(sub.raw.status_url).toBe(`https://queue.fal.run/fal-ai/nano-banana/requests/${sub.request_id}/status`);
    expect((await getJson(`${queue}/fal-ai/nano-banana/edit/requests/${sub.request_id}/status`)).body.status).toBe('COMPLETED');
    expect((await getJson(`${queue}/fal-ai/nano-banana/requests/${sub.request_id}`)).body.images).toHaveLength(1);
    expect((await getJson(`${queue}/fal-ai/other-app/requests/${sub.request_id}`)).status).toBe(404);
  });

  it('streams status events over SSE until COMPLETED', async () => {
    emu.setJobDurationMs(150);
    const sub = await submit('fal-ai/flux/dev', { prompt: 'stream', image_size: { width: 640, height: 480 } });
    const response = await fetch(`${queue}/fal-ai/flux/requests/${sub.request_id}/status/stream?logs=1`, { headers: { ...AUTH, accept: 'text/event-stream' } });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = await readEvents(response);
    const statuses = events.map((e) => e.status).filter((s, i, all) => s !== all[i - 1]);
    // Monotonic, and it saw the job running (the first event may already be IN_PROGRESS on a slow machine).
    expect(['IN_QUEUE,IN_PROGRESS,COMPLETED', 'IN_PROGRESS,COMPLETED']).toContain(statuses.join(','));
    expect(events[events.length - 1]).toMatchObject({ request_id: sub.request_id, metrics: { inference_time: expect.any(Number) } });
    const result = await getJson(sub.response_url);
    expect(result.body).toMatchObject({ seed: expect.any(Number), has_nsfw_concepts: [false], prompt: 'stream', timings: expect.any(Object) });
    expect(result.body.images[0]).toMatchObject({ width: 640, height: 480, content_type: 'image/png' });
    expect(result.headers.get('x-fal-billable-units')).toBe('1');
  });

  it('ends an open status stream with COMPLETED and the error when its request is canceled', async () => {
    emu.setJobDurationMs(30_000);
    const sub = await submit('fal-ai/veo3', { prompt: 'v' });
    const response = await fetch(`${sub.status_url}/stream`, { headers: { ...AUTH, accept: 'text/event-stream' } });
    await fetch(sub.cancel_url, { method: 'PUT', headers: AUTH });
    const events = await readEvents(response);
    expect(events[0]).toMatchObject({ status: 'IN_QUEUE', request_id: sub.request_id });
    expect(events[events.length - 1]).toMatchObject({ status: 'COMPLETED', error: 'Request was cancelled' });
  });

  it("'short' and 'truncated' faults end a status stream after its first event: closed cleanly, or cut", async () => {
    emu.setJobDurationMs(30_000);
    const sub = await submit('fal-ai/veo3', { prompt: 'v' });
    emu.injectFault({ provider: 'fal', operation: 'status-stream', kind: 'short' });
    emu.injectFault({ provider: 'fal', operation: 'status-stream', kind: 'truncated' });
    const open = () => fetch(`${sub.status_url}/stream`, { headers: { ...AUTH, accept: 'text/event-stream' } });
    expect((await readEvents(await open())).map((e) => e.status)).toEqual(['IN_QUEUE']);
    await expect((await open()).text()).rejects.toThrow();
    await fetch(sub.cancel_url, { method: 'PUT', headers: AUTH });
  });

  it('cancels a queued request: COMPLETED with an error, result 400; cancel after completion is 400', async () => {
    emu.setJobDurationMs(5000);
    const sub = await submit('fal-ai/veo3', { prompt: 'v' });
    expect((await getJson(sub.status_url)).body.status).toBe('IN_QUEUE');
    const cancel = await fetch(sub.cancel_url, { method: 'PUT', headers: AUTH });
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toMatchObject({ success: true });
    const status = await getJson(sub.status_url);
    expect(status.body).toMatchObject({ status: 'COMPLETED', error: expect.any(String) });
    const result = await getJson(sub.response_url);
    expect(result.status).toBe(400);
    expect(result.body.detail).toMatch(/cancel/i);
    emu.setJobDurationMs(0);
    const done = await submit('fal-ai/veo3', { prompt: 'v' });
    const late = await fetch(done.cancel_url, { method: 'PUT', headers: AUTH });
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ status: 'ALREADY_COMPLETED' });
  });

  it('answers the result of an unfinished request with 400', async () => {
    emu.setJobDurationMs(5000);
    const sub = await submit('fal-ai/nano-banana', { prompt: 'slow one' });
    expect((await getJson(sub.response_url)).status).toBe(400);
    await fetch(sub.cancel_url, { method: 'PUT', headers: AUTH });
  });

  it('returns 422 {detail: [{loc, msg, type}]} from the result for invalid input', async () => {
    const sub = await submit('fal-ai/nano-banana', { num_images: 7 });
    const result = await getJson(sub.response_url);
    expect(result.status).toBe(422);
    expect(result.body.detail).toEqual(
      expect.arrayContaining([
        { loc: ['body', 'prompt'], msg: 'Field required', type: 'missing' },
        expect.objectContaining({ loc: ['body', 'num_images'], type: 'less_than_equal' }),
      ]),
    );
  });

  it('fails nano-banana/edit with 422 when an image_url cannot be fetched', async () => {
    const sub = await submit('fal-ai/nano-banana/edit', { prompt: 'edit', image_urls: [`${emu.url}/files/missing.png`] });
    const result = await getJson(sub.response_url);
    expect(result.status).toBe(422);
    expect(result.body.detail[0]).toMatchObject({ loc: ['body', 'image_urls', 0], type: 'file_download_error' });
  });

  it('uploads through storage initiate + PUT and edits the uploaded image at its size', async () => {
    const init = await fetch(`${emu.falBaseUrl}/rest/storage/upload/initiate?storage_type=fal-cdn-v3`, {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({ content_type: 'image/png', file_name: 'input.png' }),
    });
    expect(init.status).toBe(200);
    const { upload_url, file_url } = await init.json();
    expect(upload_url.startsWith(emu.url)).toBe(true);
    expect((await fetch(file_url)).status).toBe(404);
    const { encodePng } = await import('../../kernel/media/png');
    const png = encodePng(320, 240, 'upload');
    const put = await fetch(upload_url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: png });
    expect(put.status).toBe(200);
    const served = await fetch(file_url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    const sub = await submit('fal-ai/nano-banana/edit', { prompt: 'edit upload', image_urls: [file_url] });
    expect((await getJson(sub.response_url)).body.images[0]).toMatchObject({ width: 320, height: 240 });
  });

  it('edits the same bytes uploaded twice into the same image, and other bytes into another (uploads count by content, not URL)', async () => {
    const { encodePng } = await import('../../kernel/media/png');
    const upload = async (png: ReturnType<typeof encodePng>) => {
      const init = await fetch(`${emu.falBaseUrl}/rest/storage/upload/initiate?storage_type=fal-cdn-v3`, {
        method: 'POST',
        headers: AUTH,
        body: JSON.stringify({ content_type: 'image/png', file_name: 'input.png' }),
      });
      const { upload_url, file_url } = await init.json();
      expect((await fetch(upload_url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: png })).status).toBe(200);
      return file_url as string;
    };
    const edited = async (fileUrl: string) => {
      const result = await getJson((await submit('fal-ai/nano-banana/edit', { prompt: 'same edit', image_urls: [fileUrl] })).response_url);
      return Buffer.from(await (await fetch(result.body.images[0].url)).arrayBuffer());
    };
    const first = await upload(encodePng(64, 48, 'twice'));
    const second = await upload(encodePng(64, 48, 'twice'));
    const other = await upload(encodePng(64, 48, 'other'));
    expect(second).not.toBe(first);
    const [a, b, c] = [await edited(first), await edited(second), await edited(other)];
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it('supports the multipart upload protocol', async () => {
    const init = await (
      await fetch(`${emu.falBaseUrl}/rest/storage/upload/initiate-multipart?storage_type=fal-cdn-v3`, {
        method: 'POST',
        headers: AUTH,
        body: JSON.stringify({ content_type: 'text/plain', file_name: 'a.txt' }),
      })
    ).json();
    const part2 = await (await fetch(`${init.upload_url}/2`, { method: 'PUT', body: 'world' })).json();
    const part1 = await (await fetch(`${init.upload_url}/1`, { method: 'PUT', body: 'hello ' })).json();
    expect(part1).toEqual({ partNumber: 1, etag: expect.any(String) });
    const complete = await fetch(`${init.upload_url}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ parts: [part1, part2] }),
    });
    expect(complete.status).toBe(200);
    expect(await (await fetch(init.file_url)).text()).toBe('hello world');
  });

  it('produces an MP4 for veo3, a WAV for elevenlabs, images for unknown endpoints, and runs synchronously under /run', async () => {
    const veo = await getJson((await submit('fal-ai/veo3', { prompt: 'v', aspect_ratio: '9:16', duration: '4s' })).response_url);
    expect(veo.body.video).toEqual({
      url: expect.any(String),
      content_type: 'video/mp4',
      file_name: expect.stringMatching(/\.mp4$/),
      file_size: expect.any(Number),
    });
    expect(veo.headers.get('x-fal-billable-units')).toBe('4');
    const mp4 = Buffer.from(await (await fetch(veo.body.video.url)).arrayBuffer());
    expect(mp4.toString('ascii', 4, 8)).toBe('ftyp');

    const run = await fetch(`${emu.falBaseUrl}/run/fal-ai/elevenlabs/tts/multilingual-v2`, {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({ text: 'Hello there, this is thirty chars' }),
    });
    expect(run.status).toBe(200);
    const tts = await run.json();
    expect(tts.audio).toMatchObject({ content_type: 'audio/wav' });
    const wav = Buffer.from(await (await fetch(tts.audio.url)).arrayBuffer());
    expect(wavDurationSeconds(wav)).toBeCloseTo(2.2, 1);

    const unregistered = await fetch(`${queue}/someone/new-model/v2`, { method: 'POST', headers: AUTH, body: '{"prompt":"p"}' });
    expect(unregistered.status).toBe(404);
    expect((await unregistered.json()).detail).toContain('someone/new-model/v2');
    emu.registerModel({ provider: 'fal', model: 'someone/new-model/v2', output: 'image' });
    const registered = await getJson((await submit('someone/new-model/v2', { prompt: 'p', image_size: 'portrait_16_9' })).response_url);
    expect(registered.body.images[0]).toMatchObject({ width: 576, height: 1024 });
  });

  it('serves veo3/fast as video (polled under its app id) and elevenlabs turbo-v2.5 as speech', async () => {
    const veo = await getJson((await submit('fal-ai/veo3/fast', { prompt: 'v', duration: '6s', generate_audio: false })).response_url);
    expect(veo.body.video).toMatchObject({ content_type: 'video/mp4' });
    expect(veo.headers.get('x-fal-billable-units')).toBe('6');
    const invalid = await getJson((await submit('fal-ai/veo3/fast', { prompt: 'v', duration: 5 })).response_url);
    expect(invalid.status).toBe(422);
    const tts = await getJson((await submit('fal-ai/elevenlabs/tts/turbo-v2.5', { text: 'Hello there, this is thirty chars' })).response_url);
    expect(tts.body.audio).toMatchObject({ content_type: 'audio/wav' });
    expect(wavDurationSeconds(Buffer.from(await (await fetch(tts.body.audio.url)).arrayBuffer()))).toBeCloseTo(2.2, 1);
  });

  it('answers whisper and wizper with {text, chunks} and minimax speech with {audio: {url}}', async () => {
    const audio = `data:audio/wav;base64,${encodeWav(2, 'speech').toString('base64')}`;
    for (const endpoint of ['fal-ai/whisper', 'fal-ai/wizper']) {
      const result = await getJson((await submit(endpoint, { audio_url: audio })).response_url);
      expect(result.body).toMatchObject({ text: expect.any(String), chunks: [{ timestamp: [0, 2], text: expect.any(String) }] });
    }
    const missing = await getJson((await submit('fal-ai/wizper', { task: 'transcribe' })).response_url);
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toEqual([{ loc: ['body', 'audio_url'], msg: 'Field required', type: 'missing' }]);
    const speech = await getJson((await submit('fal-ai/minimax/speech-02-hd', { text: 'Hello there, this is thirty chars' })).response_url);
    expect(speech.body).toEqual({ audio: expect.objectContaining({ url: expect.stringMatching(/\.wav$/) }), duration_ms: 2200 });
  });

  it('serves results from a named runner, with timings equal to the status metrics', async () => {
    emu.setJobDurationMs(60);
    const sub = await submit('fal-ai/flux/dev', { prompt: 'p' });
    let status;
    do {
      await new Promise((r) => setTimeout(r, 20));
      status = await getJson(sub.status_url);
    } while (status.body.status !== 'COMPLETED');
    const result = await getJson(sub.response_url);
    expect(result.body.timings.inference).toBe(status.body.metrics.inference_time);
    expect(result.body.timings.inference).toBeGreaterThan(0);
    expect(result.headers.get('x-fal-served-from')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('requires Authorization: Key', async () => {
    const response = await fetch(`${queue}/fal-ai/nano-banana`, { method: 'POST', headers: { authorization: 'Bearer nope' }, body: '{}' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ detail: expect.any(String) });
  });
});
