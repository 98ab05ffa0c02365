import { jpegSize } from '../../kernel/media/jpeg';
import { encodeWav } from '../../kernel/media/wav';
import { webpSize } from '../../kernel/media/webp';
import { startEmulator, type Emulator } from '../../emulator';
import { WRONG_KEY_PREFIX } from './openai';

// Raw HTTP as the openai SDK sends it (the emulator declares no SDK: an SDK bump must not mark it
// affected); shapes from /work/shared/provider-specs/openai/openapi.json (CreateImageRequest,
// CreateTranscriptionRequest, ImagesResponse).
const AUTH = { authorization: 'Bearer sk-test' };
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());

const generate = (body: unknown) =>
  fetch(`${emu.openaiBaseUrl}/images/generations`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) });

function transcribe(fields: Record<string, string | string[]>, audio: Buffer = encodeWav(1, 'speech', 16000)) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(audio)], { type: 'audio/wav' }), 'speech.wav');
  // The SDK sends array fields as repeated `name[]` parts.
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(Array.isArray(value) ? `${name}[]` : name, item);
  return fetch(`${emu.openaiBaseUrl}/audio/transcriptions`, { method: 'POST', headers: AUTH, body: form });
}

describe('openai images output_format', () => {
  it.each([
    ['jpeg', jpegSize],
    ['webp', webpSize],
  ] as const)('answers %s bytes of the requested size', async (format, sizeOf) => {
    const response = await generate({ model: 'gpt-image-2', prompt: 'a fox', size: '1536x1024', output_format: format });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { output_format: string; data: Array<{ b64_json: string }> };
    expect(answer.output_format).toBe(format);
    expect(sizeOf(Buffer.from(answer.data[0].b64_json, 'base64'))).toEqual({ width: 1536, height: 1024 });
  });
});

describe('openai transcription limits', () => {
  // The 25 MB limit: upload-limits.integration.test.ts (a full 25 MB body takes seconds).

  it('accepts timestamp_granularities only with response_format verbose_json', async () => {
    const verbose = await transcribe({ model: 'whisper-1', response_format: 'verbose_json', timestamp_granularities: ['word'] });
    expect(verbose.status).toBe(200);
    expect(((await verbose.json()) as { words: unknown[] }).words.length).toBeGreaterThan(0);
    const refused = await transcribe({ model: 'whisper-1', response_format: 'json', timestamp_granularities: ['word'] });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: unknown }).error).toMatchObject({ type: 'invalid_request_error', param: 'timestamp_granularities' });
  });
});

describe('openai authentication', () => {
  it('answers a missing key and a wrong key with 401, WWW-Authenticate and no key in the answer', async () => {
    const models = (authorization?: string) => fetch(`${emu.openaiBaseUrl}/models`, { headers: authorization ? { authorization } : {} });
    const missing = await models();
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer /);
    for (const key of [`${WRONG_KEY_PREFIX}-PLANTED`, 'two PLANTED words']) {
      const wrong = await models(`Bearer ${key}`);
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer /);
      const text = await wrong.text();
      expect(JSON.parse(text).error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' });
      expect(text).not.toContain('PLANTED');
    }
    expect((await models('Bearer sk-test')).status).toBe(200);
  });
});
