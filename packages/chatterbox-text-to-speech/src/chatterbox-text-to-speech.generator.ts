import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/chatterbox/text-to-speech on fal (the fields this package supports). */
export const chatterboxTextToSpeechInput = z.strictObject({
  text: z
    .string()
    .min(1)
    .max(5000)
    .describe(
      'The text to be converted to speech (maximum 5000 characters). You can additionally add the following emotive tags: <laugh>, <chuckle>, <sigh>, <cough>, <sniffle>, <groan>, <yawn>, <gasp>',
    ),
  audio_url: z
    .string()
    .min(1)
    .describe(
      "Optional URL to an audio file to use as a reference for the generated speech. If provided, the model will try to match the style and tone of the reference audio. (audio: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    )
    .optional(),
  cfg: z.number().default(0.5).describe('Cfg'),
  exaggeration: z
    .number()
    .min(0)
    .max(1)
    .default(0.25)
    .describe('Exaggeration factor for the generated speech (0.0 = no exaggeration, 1.0 = maximum exaggeration).'),
  seed: z
    .number()
    .int()
    .optional()
    .describe(
      "Useful to control the reproducibility of the generated audio. Assuming all other properties didn't change, a fixed seed should always generate the exact same audio file. Set to 0 for random seed..",
    ),
  temperature: z.number().default(0.7).describe('Temperature for generation (higher = more creative).'),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state no price for this endpoint (its stored API pages carry none), and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/chatterbox/text-to-speech',
});

export const chatterboxTextToSpeech = defineFalGenerator({
  id: 'chatterbox-text-to-speech',
  title: 'Chatterbox TTS',
  description: "Text to speech with Resemble AI's Chatterbox on fal, optionally in the style of a reference voice",
  model: 'fal-ai/chatterbox/text-to-speech',
  family: 'resemble-ai/chatterbox-tts',
  artifactType: 'audio',
  inputSchema: chatterboxTextToSpeechInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { text: 'Hello.' },
  // fal states neither the price nor the unit it bills this endpoint in: every estimate is unknown.
  estimateCost: () => estimateFromPrice(price, 1),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { audio_url: 'audio' },
});
