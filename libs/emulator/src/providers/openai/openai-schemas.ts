import type { Rules } from '../../kernel/validate';

/**
 * Facts of OpenAI's published request schemas (openapi.json, MIT): `CreateImageRequest` and
 * `CreateTranscriptionRequest`, without `model` (it names the model, as a URL does elsewhere).
 * OpenAI refuses a parameter its schema does not have (400 unknown_parameter).
 */
export const IMAGE_REQUEST: Rules = {
  prompt: { type: 'string', required: true },
  n: { type: 'integer', min: 1, max: 10 },
  quality: { type: 'string', enum: ['standard', 'hd', 'low', 'medium', 'high', 'auto'] },
  response_format: { type: 'string', enum: ['url', 'b64_json'] },
  output_format: { type: 'string', enum: ['png', 'jpeg', 'webp'] },
  output_compression: { type: 'integer' },
  stream: { type: 'boolean' },
  partial_images: { type: 'integer', nullable: true, min: 0, max: 3 },
  // Any WxH string (gpt-image-2), besides the listed presets: no enum.
  size: { type: 'string' },
  moderation: { type: 'string', enum: ['low', 'auto'] },
  background: { type: 'string', enum: ['transparent', 'opaque', 'auto'] },
  style: { type: 'string', enum: ['vivid', 'natural'] },
  user: { type: 'string' },
};

export const TRANSCRIPTION_REQUEST: Rules = {
  file: { required: true },
  language: { type: 'string' },
  languages: { type: 'array', items: { type: 'string' } },
  keywords: { type: 'array', items: { type: 'string' } },
  prompt: { type: 'string' },
  response_format: { type: 'string', enum: ['json', 'text', 'srt', 'verbose_json', 'vtt', 'diarized_json'] },
  temperature: { type: 'number' },
  include: { type: 'array' },
  timestamp_granularities: { type: 'array', items: { type: 'string', enum: ['word', 'segment'] } },
  stream: { type: 'boolean', nullable: true },
  chunking_strategy: {},
  known_speaker_names: { type: 'array' },
  known_speaker_references: { type: 'array' },
};
