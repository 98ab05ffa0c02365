import OpenAI, { toFile } from 'openai';
import { jpegSize } from '../../kernel/media/jpeg';
import { encodeWav } from '../../kernel/media/wav';
import { webpSize } from '../../kernel/media/webp';
import { startEmulator, type Emulator } from '../../emulator';
import { MAX_AUDIO_BYTES } from './openai-audio';
import { WRONG_KEY_PREFIX } from './openai';

// The openai SDK (6.x) against the emulator; request and answer shapes from
// /work/shared/provider-specs/openai/openapi.json (CreateImageRequest, CreateTranscriptionRequest).
let emu: Emulator;
let client: OpenAI;

beforeAll(async () => {
  emu = await startEmulator();
  client = new OpenAI({ apiKey: 'sk-test', baseURL: emu.openaiBaseUrl, maxRetries: 0 });
});
afterAll(() => emu.stop());

const speech = () => toFile(encodeWav(1, 'speech', 16000), 'speech.wav', { type: 'audio/wav' });

describe('openai images output_format', () => {
  it.each([
    ['jpeg', jpegSize],
    ['webp', webpSize],
  ] as const)('answers %s bytes of the requested size', async (format, sizeOf) => {
    const answer = await client.images.generate({ model: 'gpt-image-2', prompt: 'a fox', size: '1536x1024', output_format: format });
    expect(answer.output_format).toBe(format);
    const bytes = Buffer.from(answer.data?.[0].b64_json ?? '', 'base64');
    expect(sizeOf(bytes)).toEqual({ width: 1536, height: 1024 });
  });
});

describe('openai transcription limits', () => {
  it('refuses an audio file over 25 MB with 413 in the OpenAI error shape', async () => {
    const big = await toFile(Buffer.alloc(MAX_AUDIO_BYTES + 1), 'long.wav', { type: 'audio/wav' });
    const error = await client.audio.transcriptions.create({ model: 'whisper-1', file: big }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(413);
    expect((error as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({
      message: expect.stringMatching(/^Maximum content size limit \(26214400\) exceeded \(\d+ bytes read\)$/),
      type: 'invalid_request_error',
    });
  });

  it('accepts timestamp_granularities only with response_format verbose_json', async () => {
    const verbose = await client.audio.transcriptions.create({
      model: 'whisper-1',
      file: await speech(),
      response_format: 'verbose_json',
      timestamp_granularities: ['word'],
    });
    expect(verbose.words?.length).toBeGreaterThan(0);
    const error = await client.audio.transcriptions
      .create({ model: 'whisper-1', file: await speech(), response_format: 'json', timestamp_granularities: ['word'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({ type: 'invalid_request_error', param: 'timestamp_granularities' });
  });
});

describe('openai authentication', () => {
  it('answers a missing key and a wrong key with 401, WWW-Authenticate and no key in the answer', async () => {
    const missing = await fetch(`${emu.openaiBaseUrl}/models`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const wrong = await new OpenAI({ apiKey: `${WRONG_KEY_PREFIX}-PLANTED`, baseURL: emu.openaiBaseUrl, maxRetries: 0 }).models.list().catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(OpenAI.AuthenticationError);
    const error = wrong as InstanceType<typeof OpenAI.AuthenticationError>;
    expect(error.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(error.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' });
    expect(JSON.stringify(error.error)).not.toContain('PLANTED');
    const spaced = await fetch(`${emu.openaiBaseUrl}/models`, { headers: { authorization: 'Bearer two words' } });
    expect([spaced.status, (await spaced.json()).error.code]).toEqual([401, 'invalid_api_key']);
    expect((await client.models.list()).data.length).toBeGreaterThan(0);
  });
});
