import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/elevenlabs/tts/eleven-v3 on fal (the fields this package supports). */
export const elevenlabsTtsElevenV3Input = z.strictObject({
  text: z.string().min(1).describe('The text to convert to speech'),
  apply_text_normalization: z
    .enum(['auto', 'on', 'off'])
    .default('auto')
    .describe(
      "This parameter controls text normalization with three modes: 'auto', 'on', and 'off'. When set to 'auto', the system will automatically decide whether to apply text normalization (e.g., spelling ou...",
    ),
  language_code: z.string().optional().describe('Language code (ISO 639-1) used to enforce a language for the model.'),
  stability: z.number().min(0).max(1).default(0.5).describe('Voice stability (0-1)'),
  timestamps: z.boolean().optional().describe('Whether to return timestamps for each word in the generated speech'),
  voice: z.string().default('Rachel').describe('The voice to use for speech generation'),
});

const price = unknownPrice({
  reason:
    "fal's own pages at hand state no price for this endpoint (its stored API page carries none; the llms.txt of fal-ai/elevenlabs/text-to-dialogue/eleven-v3 prices that other endpoint), and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/elevenlabs/tts/eleven-v3',
  unit: '1k-characters',
});

export const elevenlabsTtsElevenV3 = defineFalGenerator({
  id: 'elevenlabs-tts-eleven-v3',
  title: 'ElevenLabs Eleven v3',
  description: 'Text to speech with ElevenLabs Eleven v3 on fal',
  model: 'fal-ai/elevenlabs/tts/eleven-v3',
  family: 'elevenlabs/eleven-v3',
  artifactType: 'audio',
  inputSchema: elevenlabsTtsElevenV3Input,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { text: 'Hello.' },
  // Billed per 1,000 characters of the text sent.
  estimateCost: (input) => estimateFromPrice(price, input.text.length / 1000),
});
