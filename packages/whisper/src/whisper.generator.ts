import { z } from 'zod';
import { probeLocalMedia, silentWav } from '@boards/core';
import { estimateFromPrice, unknownCost } from '@boards/cost';
import { defineOpenAIGenerator, transcribeWithOpenAI } from '@boards/provider-openai';

/** Inputs of OpenAI's whisper-1 transcription (the fields this package supports). */
export const whisperInput = z.strictObject({
  audio: z.string().min(1).describe('Audio to transcribe: a local path, file:// / https:// / data: URL, or a stored artifact URL'),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'an ISO-639-1 code such as "en"')
    .optional()
    .describe('Language of the audio (ISO-639-1); improves accuracy and latency'),
  prompt: z.string().max(2000).optional().describe('Text to guide style or continue a previous segment'),
  temperature: z.number().min(0).max(1).optional().describe('Sampling temperature, 0 to 1'),
  response_format: z.enum(['json', 'text', 'srt', 'verbose_json', 'vtt']).default('json').describe('Transcript format stored as text'),
});

const price = { usd: '0.006', unit: 'minute', checkedOn: '2026-11-22', source: 'https://openai.com/api/pricing' } as const;

export const whisper = defineOpenAIGenerator({
  id: 'whisper',
  title: 'Whisper',
  description: "Speech to text with OpenAI's whisper-1",
  model: 'whisper-1',
  artifactType: 'text',
  inputSchema: whisperInput,
  // The audio is uploaded as the multipart `file` (see run).
  sentAs: { audio: 'file' },
  price,
  lifecycle: {
    status: 'deprecated',
    retiredOn: '2027-02-26',
    successor: 'gpt-4o-mini-transcribe',
    note: 'OpenAI announced whisper-1 shuts down on 2027-02-26',
  },
  // One second of silence: the least audio OpenAI bills.
  cheapestInput: { audio: `data:audio/wav;base64,${Buffer.from(silentWav(1)).toString('base64')}` },
  estimateCost: (input) => {
    const seconds = probeLocalMedia(input.audio)?.durationSeconds;
    return seconds === undefined
      ? unknownCost('the audio duration is unknown until the file is read (remote or unparsed format)')
      : estimateFromPrice(price, seconds / 60);
  },
  async run(input, ctx) {
    const { audio, ...rest } = input;
    const artifact = await transcribeWithOpenAI({ model: 'whisper-1', file: audio, ...rest }, ctx);
    return { artifacts: [artifact] };
  },
});
