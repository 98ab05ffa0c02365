/**
 * What an app would write with the openai SDK instead of the adapter, for the bench's overhead
 * table (the descriptor's `bench.sdkPaths`): one blocking transcription call.
 */
import OpenAI, { toFile } from 'openai';
import type { BenchSdkEnv, BenchSdkPath } from '@boards/core';

export function sdkPaths({ baseUrl, apiKey, model, input, save }: BenchSdkEnv): BenchSdkPath[] {
  const openai = new OpenAI({ apiKey, baseURL: baseUrl, maxRetries: 0 });
  return [
    {
      how: 'openai SDK `audio.transcriptions.create` (one blocking call: no polling to save)',
      sdkDefault: true,
      async run() {
        // The cheapest input's audio is a data: URL.
        const audio = String(input.audio);
        const bytes = Buffer.from(audio.slice(audio.indexOf(',') + 1), 'base64');
        const file = await toFile(bytes, 'audio.wav', { type: 'audio/wav' });
        const transcript = await openai.audio.transcriptions.create({ model, file });
        save(new TextEncoder().encode(transcript.text));
      },
    },
  ];
}
