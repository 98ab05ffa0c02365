import { startEmulator, type Emulator } from './emulator';
import { MAX_AUDIO_BYTES } from './providers/openai/openai-audio';

// The providers' upload size limits, each sent in full (100 MB and 25 MB bodies through multipart
// parsing take seconds): in the integration tier, so `npm test` stays quick. Shapes from
// /work/shared/provider-specs (replicate openapi.json files.create; the OpenAI transcription error).
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());

/** POSTs one multipart part of `bytes` zero bytes under `field`, as the SDKs send a file. */
function postFile(url: string, token: string, field: string, bytes: number, filename: string) {
  const form = new FormData();
  form.append(field, new Blob([Buffer.alloc(bytes)]), filename);
  if (field === 'file') form.append('model', 'whisper-1');
  return fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
}

describe('upload size limits', () => {
  it('replicate refuses a file of 100 MB or more with 413 problem+json', async () => {
    const response = await postFile(`${emu.replicateBaseUrl}/files`, 'r8_test', 'content', 100 * 1024 * 1024, 'big.bin');
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413, detail: 'Files must be less than 100MB in size' });
  });

  it('openai refuses an audio file over 25 MB with 413 in the OpenAI error shape', async () => {
    const response = await postFile(`${emu.openaiBaseUrl}/audio/transcriptions`, 'sk-test', 'file', MAX_AUDIO_BYTES + 1, 'speech.wav');
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: unknown }).error).toEqual({
      message: expect.stringMatching(/^Maximum content size limit \(26214400\) exceeded \(\d+ bytes read\)$/),
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
  });
});
