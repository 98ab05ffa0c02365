// The Vercel AI SDK (ai@6 with @ai-sdk/replicate, @ai-sdk/fal and @ai-sdk/openai) against a running
// boards-emulator: images, a transcription, speech and videos, each call checked for the artifact
// kind it asked for by its bytes. Every request carries x-boards-test-id (each provider's `headers`
// option), so its job time (set below for this test only) does not reach other tests.
// Usage: node ai-sdk.mjs '<boards-emulator --json document>'
import { APICallError, experimental_generateSpeech, experimental_generateVideo, experimental_transcribe, generateImage } from 'ai';
import { createFal } from '@ai-sdk/fal';
import { createOpenAI } from '@ai-sdk/openai';
import { createReplicate } from '@ai-sdk/replicate';
import { rewriteFalUrl } from '@boards/emulator';

const { baseUrls, controlUrl, url: emulatorUrl } = JSON.parse(process.argv[2]);
const TEST_ID = 'consumer-ai-sdk';
const headers = { 'x-boards-test-id': TEST_ID };
const control = async (path, init = {}) => {
  const response = await fetch(`${controlUrl}${path}`, { ...init, headers, signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
  return response.json();
};
// Jobs of this test take 300 ms, so the SDKs meet "in progress" answers and poll.
await control('/job-duration', { method: 'PUT', body: JSON.stringify({ ms: 300 }) });

const replicate = createReplicate({ apiToken: 'r8_ai_sdk_dummy', baseURL: baseUrls.replicate, headers });
const openai = createOpenAI({ apiKey: 'sk-ai-sdk-dummy', baseURL: baseUrls.openai, headers });
// Only images honour `baseURL` (`${baseURL}/<model>`); speech, transcription and video call fal's
// hosts by name (https://fal.run, https://queue.fal.run), so a custom fetch maps every URL instead.
const fal = createFal({
  apiKey: 'fal-ai-sdk-dummy',
  headers,
  fetch: (url, init) => fetch(rewriteFalUrl(String(url), baseUrls.fal), init),
});
// experimental_generateVideo downloads the video itself and refuses loopback and private hosts
// (SSRF protection), so the emulator's file URLs need a `download` of our own: it fetches only
// the emulator's origin.
const emulatorOrigin = new URL(emulatorUrl).origin;
const download = async ({ url, abortSignal }) => {
  if (url.origin !== emulatorOrigin) throw new Error(`refusing to download ${url.origin}: not the emulator`);
  const response = await fetch(url, { signal: abortSignal });
  if (!response.ok) throw new Error(`download ${url}: ${response.status}`);
  return { data: new Uint8Array(await response.arrayBuffer()), mediaType: response.headers.get('content-type') ?? undefined };
};

const ascii = (bytes, start, end) => Buffer.from(bytes.subarray(start, end)).toString('latin1');
const KINDS = {
  image: (b) => (b[0] === 0x89 && ascii(b, 1, 4) === 'PNG') || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff),
  audio: (b) => (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE') || ascii(b, 0, 3) === 'ID3' || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0),
  video: (b) => ascii(b, 4, 8) === 'ftyp',
};
const results = [];
const check = (what, kind, bytes) => {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0 || !KINDS[kind](bytes)) {
    throw new Error(`${what}: expected ${kind} bytes, got ${bytes?.length ?? 0} bytes starting ${Buffer.from(bytes?.subarray(0, 12) ?? []).toString('hex')}`);
  }
  results.push(`${what} (${kind}, ${bytes.length} B)`);
};
const checkText = (what, text) => {
  if (typeof text !== 'string' || text.trim() === '') throw new Error(`${what}: empty transcript`);
  results.push(`${what} (text, ${text.length} chars)`);
};
const prompt = 'a red circle';

for (const [what, model] of [
  ['replicate flux-schnell', replicate.image('black-forest-labs/flux-schnell')],
  ['replicate flux-pro', replicate.image('black-forest-labs/flux-pro')],
  ['fal nano-banana', fal.image('fal-ai/nano-banana')],
  ['fal flux/dev', fal.image('fal-ai/flux/dev')],
  ['openai gpt-image-2', openai.image('gpt-image-2')],
]) {
  const { image } = await generateImage({ model, prompt, maxRetries: 0 });
  check(what, 'image', image.uint8Array);
}

const speech = await experimental_generateSpeech({ model: fal.speech('fal-ai/minimax/speech-02-hd'), text: 'Hello from the emulator.', maxRetries: 0 });
check('fal minimax/speech-02-hd', 'audio', speech.audio.uint8Array);

// The speech just generated is the audio to transcribe.
for (const [what, model] of [
  ['openai whisper-1', openai.transcription('whisper-1')],
  ['fal whisper', fal.transcription('whisper')],
]) {
  const { text } = await experimental_transcribe({ model, audio: speech.audio.uint8Array, maxRetries: 0 });
  checkText(what, text);
}

for (const [what, model, providerOptions] of [
  ['fal veo3', fal.video('fal-ai/veo3'), { fal: { pollIntervalMs: 100 } }],
  ['replicate minimax/video-01', replicate.video('minimax/video-01'), { replicate: { pollIntervalMs: 100 } }],
]) {
  const { video } = await experimental_generateVideo({ model, prompt, providerOptions, download, maxRetries: 0 });
  check(what, 'video', video.uint8Array);
}

// Bad input is refused as each provider refuses it, in the error body its AI SDK package parses
// into the message (Replicate `detail`, fal's `detail: [{loc, msg}]`, OpenAI `error.message`).
for (const [what, call, status, field] of [
  [
    'replicate',
    () =>
      generateImage({
        model: replicate.image('black-forest-labs/flux-schnell'),
        prompt,
        providerOptions: { replicate: { num_inference_steps: 99 } },
        maxRetries: 0,
      }),
    422,
    'num_inference_steps',
  ],
  [
    'fal',
    () => generateImage({ model: fal.image('fal-ai/nano-banana'), prompt, providerOptions: { fal: { aspect_ratio: '7:3' } }, maxRetries: 0 }),
    422,
    'body.aspect_ratio',
  ],
  ['openai', () => generateImage({ model: openai.image('gpt-image-2'), prompt, size: '1000x1000', maxRetries: 0 }), 400, 'size'],
]) {
  const error = await call().then(
    () => undefined,
    (e) => e,
  );
  if (!APICallError.isInstance(error) || error.statusCode !== status || !error.message.includes(field)) {
    throw new Error(`${what}: expected an APICallError ${status} naming ${field}, got ${error?.name} ${error?.statusCode}: ${error?.message}`);
  }
  results.push(`${what} bad input (${status}: ${error.message.split('\n')[0].slice(0, 60)})`);
}

// Every API request carried this test's id (the provider's `headers` option reached each one).
const made = (await control('/requests')).filter((r) => r.testId === TEST_ID && r.provider !== 'control');
for (const provider of ['replicate', 'fal', 'openai']) {
  if (!made.some((r) => r.provider === provider)) throw new Error(`${provider}: no request carried x-boards-test-id ${TEST_ID}`);
}
await control('/job-duration', { method: 'PUT', body: JSON.stringify({ ms: null }) });

console.log(`ai sdk ok: ${results.length} calls, each returned its kind or its provider's error: ${results.join(', ')}`);
