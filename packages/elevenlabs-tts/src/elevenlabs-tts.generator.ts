import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';

const unit = z.number().min(0).max(1);

/** Inputs of fal-ai/elevenlabs/tts/turbo-v2.5 (TextToSpeechRequest). */
export const elevenlabsTtsInput = z.strictObject({
  text: z.string().min(1).max(40_000).describe('Text to speak; billed per 1,000 characters'),
  voice: z.string().min(1).optional().describe('Voice name or id (default "Rachel"; e.g. Aria, Roger, Sarah)'),
  stability: unit.optional().describe('Voice stability, 0-1 (default 0.5)'),
  similarity_boost: unit.optional().describe('Similarity to the voice, 0-1 (default 0.75)'),
  style: unit.optional().describe('Style exaggeration, 0-1 (default 0)'),
  speed: z.number().min(0.7).max(1.2).optional().describe('Speech speed, 0.7-1.2 (default 1)'),
  timestamps: z.boolean().optional().describe('Also return word timestamps (default false)'),
  previous_text: z.string().optional().describe('Text spoken before this request, for continuity (not billed)'),
  next_text: z.string().optional().describe('Text spoken after this request, for continuity (not billed)'),
  language_code: z
    .string()
    .regex(/^[a-z]{2}$/, 'an ISO-639-1 code such as "en"')
    .optional()
    .describe('Language to enforce (ISO-639-1)'),
  apply_text_normalization: z.enum(['auto', 'on', 'off']).optional().describe('Spell out numbers and the like (default auto)'),
});

const price = {
  usd: '0.05',
  unit: '1k-characters',
  checkedOn: '2026-11-22',
  source: 'https://fal.ai/models/fal-ai/elevenlabs/tts/turbo-v2.5',
} as const;

export const elevenlabsTts = defineFalGenerator({
  id: 'elevenlabs-tts',
  title: 'ElevenLabs Turbo v2.5',
  description: 'Text to speech with ElevenLabs Turbo v2.5 on fal',
  model: 'fal-ai/elevenlabs/tts/turbo-v2.5',
  artifactType: 'audio',
  inputSchema: elevenlabsTtsInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { text: 'Hello.' },
  // Billed per character of `text`; previous_text and next_text are context, not speech.
  estimateCost: (input) => estimateFromPrice(price, input.text.length / 1000),
});
