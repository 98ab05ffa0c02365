import { encodeWav } from '../../kernel/media/wav';
import { pngSize } from '../../kernel/media/png';
import { startEmulator } from '../../emulator';
import type { Emulator } from '../../emulator';

const AUTH = { authorization: 'Bearer sk-test' };
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());

const generate = (body: unknown) =>
  fetch(`${emu.openaiBaseUrl}/images/generations`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) });

function transcribe(fields: Record<string, string>, file?: { bytes: Buffer<ArrayBuffer>; name: string; type: string }) {
  const form = new FormData();
  if (file) form.append('file', new Blob([file.bytes], { type: file.type }), file.name);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return fetch(`${emu.openaiBaseUrl}/audio/transcriptions`, { method: 'POST', headers: AUTH, body: form });
}

const wavFile = (seconds: number) => ({ bytes: encodeWav(seconds, 'speech', 16000), name: 'speech.wav', type: 'audio/wav' });

describe('openai images', () => {
  it('returns b64 PNGs of the requested size with token usage', async () => {
    const response = await generate({ model: 'gpt-image-2', prompt: 'a red fox', size: '1024x1536', n: 2, quality: 'low' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const body = await response.json();
    expect(body).toMatchObject({ created: expect.any(Number), size: '1024x1536', quality: 'low', output_format: 'png' });
    expect(body.data).toHaveLength(2);
    for (const item of body.data) expect(pngSize(Buffer.from(item.b64_json, 'base64'))).toEqual({ width: 1024, height: 1536 });
    expect(body.usage).toEqual({
      input_tokens: expect.any(Number),
      output_tokens: 2 * 408,
      total_tokens: body.usage.input_tokens + 2 * 408,
      input_tokens_details: { text_tokens: expect.any(Number), image_tokens: 0 },
      output_tokens_details: { image_tokens: 2 * 408, text_tokens: 0 },
    });
  });

  it('maps size auto to 1024x1024, is deterministic, and lets gpt-image-2 use custom sizes', async () => {
    const a = await (await generate({ model: 'gpt-image-2', prompt: 'same', size: 'auto' })).json();
    const b = await (await generate({ model: 'gpt-image-2', prompt: 'same' })).json();
    expect(a.size).toBe('1024x1024');
    expect(a.data[0].b64_json).toBe(b.data[0].b64_json);
    const custom = await (await generate({ model: 'gpt-image-2', prompt: 'wide', size: '1536x864' })).json();
    expect(pngSize(Buffer.from(custom.data[0].b64_json, 'base64'))).toEqual({ width: 1536, height: 864 });
    const bad = await generate({ model: 'gpt-image-2', prompt: 'x', size: '1000x1000' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ param: 'size', type: 'invalid_request_error' });
  });

  it.each(['gpt-image-1', 'gpt-image-1.5', 'gpt-image-1-mini'])(
    'answers %s, shut down (2026-10-23, 2026-12-01), as a model that does not exist',
    async (model) => {
      const response = await generate({ model, prompt: 'x' });
      expect(response.status).toBe(404);
      expect((await response.json()).error).toEqual({
        message: `The model \`${model}\` does not exist or you do not have access to it.`,
        type: 'invalid_request_error',
        param: 'model',
        code: 'model_not_found',
      });
      const listed = (await (await fetch(`${emu.openaiBaseUrl}/models`, { headers: AUTH })).json()) as { data: Array<{ id: string }> };
      expect(listed.data.map((m) => m.id)).not.toContain(model);
    },
  );

  it('answers retired dall-e models (and the dall-e-2 default) as model_not_found', async () => {
    for (const body of [{ model: 'dall-e-3', prompt: 'x' }, { model: 'dall-e-2', prompt: 'x' }, { prompt: 'x' }]) {
      const response = await generate(body);
      expect(response.status).toBe(404);
      expect((await response.json()).error).toEqual({
        message: expect.stringContaining('dall-e'),
        type: 'invalid_request_error',
        param: 'model',
        code: 'model_not_found',
      });
    }
  });

  it('rejects response_format, a missing prompt and a bad n for GPT image models', async () => {
    const format = await generate({ model: 'gpt-image-2', prompt: 'x', response_format: 'b64_json' });
    expect([format.status, (await format.json()).error.param]).toEqual([400, 'response_format']);
    const prompt = await generate({ model: 'gpt-image-2' });
    expect([prompt.status, (await prompt.json()).error.code]).toEqual([400, 'missing_required_parameter']);
    const n = await generate({ model: 'gpt-image-2', prompt: 'x', n: 11 });
    expect([n.status, (await n.json()).error.param]).toEqual([400, 'n']);
  });

  it('validates the request against the published CreateImageRequest schema: unknown parameters and bad enums by param', async () => {
    const unknown = await generate({ model: 'gpt-image-2', prompt: 'x', negative_prompt: 'y' });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toEqual({
      message: "Unknown parameter: 'negative_prompt'.",
      type: 'invalid_request_error',
      param: 'negative_prompt',
      code: 'unknown_parameter',
    });
    const background = await generate({ model: 'gpt-image-2', prompt: 'x', background: 'green' });
    expect((await background.json()).error).toMatchObject({ type: 'invalid_request_error', param: 'background', code: 'invalid_value' });
    const partial = await generate({ model: 'gpt-image-2', prompt: 'x', partial_images: 4 });
    expect((await partial.json()).error).toMatchObject({ param: 'partial_images', code: 'invalid_value' });
  });

  it('requires a bearer key', async () => {
    const response = await fetch(`${emu.openaiBaseUrl}/images/generations`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatchObject({ type: 'invalid_request_error', message: expect.any(String) });
  });
});

describe('openai transcriptions', () => {
  it('answers json by default with a deterministic transcript of the file', async () => {
    const response = await transcribe({ model: 'whisper-1' }, wavFile(2));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ text: `Emulated transcript: ${44 + 2 * 16000 * 2} bytes of audio/wav`, usage: { type: 'duration', seconds: 2 } });
  });

  it('answers verbose_json with the WAV duration, language and segments', async () => {
    const body = await (await transcribe({ model: 'whisper-1', response_format: 'verbose_json', language: 'de', temperature: '0.2' }, wavFile(3.5))).json();
    expect(body).toMatchObject({ task: 'transcribe', language: 'german', duration: 3.5, text: expect.stringContaining('Emulated transcript') });
    expect(body.segments[0]).toMatchObject({ id: 0, start: 0, end: 3.5, temperature: 0.2 });
  });

  it('answers text, srt and vtt as plain text', async () => {
    const text = await transcribe({ model: 'whisper-1', response_format: 'text' }, wavFile(1));
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await text.text()).toMatch(/^Emulated transcript: \d+ bytes of audio\/wav\n$/);
    expect(await (await transcribe({ model: 'whisper-1', response_format: 'srt' }, wavFile(1))).text()).toMatch(/^1\n00:00:00,000 --> 00:00:01,000\nEmulated/);
    expect(await (await transcribe({ model: 'whisper-1', response_format: 'vtt' }, wavFile(1))).text()).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:01\.000\n/);
  });

  it('rejects a missing file, an unknown model and formats a model does not support', async () => {
    const noFile = await transcribe({ model: 'whisper-1' });
    expect([noFile.status, (await noFile.json()).error.param]).toEqual([400, 'file']);
    const unknown = await transcribe({ model: 'whisper-9' }, wavFile(1));
    expect([unknown.status, (await unknown.json()).error.code]).toEqual([404, 'model_not_found']);
    const srt = await transcribe({ model: 'gpt-4o-transcribe', response_format: 'srt' }, wavFile(1));
    expect([srt.status, (await srt.json()).error.param]).toEqual([400, 'response_format']);
    const json = await (await transcribe({ model: 'gpt-4o-mini-transcribe' }, wavFile(1))).json();
    expect(json.usage).toMatchObject({ type: 'tokens' });
  });

  it('refuses a transcription parameter the published schema does not have, naming it', async () => {
    const response = await transcribe({ model: 'whisper-1', speed: '2' }, wavFile(1));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ param: 'speed', code: 'unknown_parameter', type: 'invalid_request_error' });
    const ok = await transcribe({ model: 'whisper-1', 'timestamp_granularities[]': 'word', response_format: 'verbose_json' }, wavFile(1));
    expect(ok.status).toBe(200);
  });

  it('records multipart bodies as fields and file metadata', async () => {
    emu.clearRequests();
    await transcribe({ model: 'whisper-1', prompt: 'names' }, wavFile(1));
    const [recorded] = emu.requestsFor('openai');
    expect(recorded).toMatchObject({ operation: 'transcription', status: 200 });
    expect(recorded.body).toEqual({
      fields: { model: 'whisper-1', prompt: 'names' },
      files: [{ field: 'file', fileName: 'speech.wav', size: 32044, contentType: 'audio/wav' }],
    });
  });
});

describe('openai models', () => {
  it('lists and retrieves models, with shutdown dates', async () => {
    const list = await (await fetch(`${emu.openaiBaseUrl}/models`, { headers: AUTH })).json();
    expect(list.object).toBe('list');
    expect(list.data.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(['gpt-image-2', 'whisper-1']));
    expect(list.data.map((m: { id: string }) => m.id)).not.toContain('dall-e-3');
    const whisper = await (await fetch(`${emu.openaiBaseUrl}/models/whisper-1`, { headers: AUTH })).json();
    expect(whisper).toEqual({ id: 'whisper-1', object: 'model', created: expect.any(Number), owned_by: expect.any(String), shutdown_date: '2027-02-26' });
    const retired = await fetch(`${emu.openaiBaseUrl}/models/dall-e-2`, { headers: AUTH });
    expect(retired.status).toBe(404);
  });
});
