import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';

/** Inputs of beatoven/sound-effect-generation on fal (the fields this package supports). */
export const beatovenSoundEffectGenerationInput = z.strictObject({
  prompt: z.string().min(1).describe('Describe the sound effect you want to generate'),
  negative_prompt: z
    .string()
    .default('')
    .describe("Describe the types of sounds you don't want to generate in the output, avoid double-negatives, compare with positive prompts"),
  duration: z.number().min(1).max(35).default(5).describe('Length of the generated sound effect in seconds'),
  refinement: z.number().int().min(10).max(200).default(40).describe('Refinement level - Higher values may improve quality but take longer'),
});

const price = {
  usd: '0.1',
  unit: 'request',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/beatoven/sound-effect-generation/llms.txt',
} as const;

export const beatovenSoundEffectGeneration = defineFalGenerator({
  id: 'beatoven-sound-effect-generation',
  title: 'Beatoven Sound Effects',
  description: 'A sound effect from a text description, Beatoven on fal',
  model: 'beatoven/sound-effect-generation',
  family: 'beatoven/sound-effect-generation',
  artifactType: 'audio',
  inputSchema: beatovenSoundEffectGenerationInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a wooden door closing', duration: 1 },
  // One price per call, whatever the input.
  estimateCost: () => estimateFromPrice(price, 1),
});
