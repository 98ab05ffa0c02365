import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/elevenlabs/sound-effects/v2 on fal (the fields this package supports). */
export const elevenlabsSoundEffectsV2Input = z.strictObject({
  text: z.string().min(1).describe('The text describing the sound effect to generate'),
  duration_seconds: z.number().min(0.5).max(22).optional().describe('Duration in seconds (0.5-22). If None, optimal duration will be determined from prompt.'),
  loop: z.boolean().optional().describe('Whether to create a sound effect that loops smoothly.'),
  output_format: z
    .enum([
      'mp3_22050_32',
      'mp3_44100_32',
      'mp3_44100_64',
      'mp3_44100_96',
      'mp3_44100_128',
      'mp3_44100_192',
      'pcm_8000',
      'pcm_16000',
      'pcm_22050',
      'pcm_24000',
      'pcm_44100',
      'pcm_48000',
      'ulaw_8000',
      'alaw_8000',
      'opus_48000_32',
      'opus_48000_64',
      'opus_48000_96',
      'opus_48000_128',
      'opus_48000_192',
    ])
    .default('mp3_44100_128')
    .describe('Output format of the generated audio. Formatted as codec_sample_rate_bitrate.'),
  prompt_influence: z.number().min(0).max(1).default(0.3).describe('How closely to follow the prompt (0-1). Higher values mean less variation.'),
});

const price = unknownPrice({
  reason: "fal's own pages at hand state no price for this endpoint (its stored API page carries none), and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/elevenlabs/sound-effects/v2',
});

export const elevenlabsSoundEffectsV2 = defineFalGenerator({
  id: 'elevenlabs-sound-effects-v2',
  title: 'ElevenLabs Sound Effects v2',
  description: 'A sound effect from a text description with ElevenLabs Sound Effects v2 on fal',
  model: 'fal-ai/elevenlabs/sound-effects/v2',
  family: 'elevenlabs/sound-effects-v2',
  artifactType: 'audio',
  inputSchema: elevenlabsSoundEffectsV2Input,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { text: 'a door closing', duration_seconds: 0.5 },
  // fal states neither the price nor the unit it bills this endpoint in: every estimate is unknown.
  estimateCost: () => estimateFromPrice(price, 1),
});
