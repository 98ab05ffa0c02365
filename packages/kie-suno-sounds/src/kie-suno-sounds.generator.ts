import { z } from 'zod';
import { defineKieGenerator } from '@boards/provider-kie';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

const KEYS = [
  'Cm',
  'C#m',
  'Dm',
  'D#m',
  'Em',
  'Fm',
  'F#m',
  'Gm',
  'G#m',
  'Am',
  'A#m',
  'Bm',
  'C',
  'C#',
  'D',
  'D#',
  'E',
  'F',
  'F#',
  'G',
  'G#',
  'A',
  'A#',
  'B',
] as const;

/**
 * Inputs of Kie's Suno sounds API (docs.kie.ai/suno-api/generate-sounds: POST /api/v1/generate/sounds, the fields as the
 * body). The page's default key, "Any", is not among its enum: a key is sent only when chosen.
 */
export const kieSunoSoundsInput = z.strictObject({
  prompt: z.string().min(1).max(500).describe('The sound to make (up to 500 characters)'),
  model: z.enum(['V5', 'V5_5']).optional().describe('Suno model (default: Kie picks)'),
  soundLoop: z.boolean().default(false).describe('Make a seamless loop'),
  soundTempo: z.number().int().min(1).max(300).optional().describe('Tempo in BPM, 1-300'),
  soundKey: z.enum(KEYS).optional().describe('Musical key (default Any: left out, Kie picks)'),
  grabLyrics: z.boolean().optional().describe('Return the lyrics of the sound (default false)'),
});

const price = unknownPrice({
  reason: "Kie's Suno pages state no price and kie.ai/pricing is not at hand",
  checkedOn: '2026-12-07',
  source: 'https://kie.ai/pricing',
  unit: 'request',
  note: 'unit assumed per generate call',
});

export const kieSunoSounds = defineKieGenerator({
  id: 'kie-suno-sounds',
  title: 'Suno sounds (Kie)',
  description: "Sound effects and loops with Suno on Kie.ai's Suno API",
  model: 'suno-api/generate-sounds',
  family: 'suno/suno-sounds',
  artifactType: 'audio',
  inputSchema: kieSunoSoundsInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a door creaks open' },
  // One call per sound; the rate itself is unknown.
  estimateCost: () => estimateFromPrice(price, 1),
});
