import { z } from 'zod';
import { defineKieGenerator } from '@boards/provider-kie';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

const weight = (what: string) => z.number().min(0).max(1).multipleOf(0.01).optional().describe(`${what}, 0-1 in steps of 0.01`);

/**
 * Inputs of Kie's Suno music API at model V5_5 (docs.kie.ai/suno-api/generate-music: POST /api/v1/generate, the fields
 * as the body; the callBackUrl Kie requires is the adapter's). The page's prose rules hold too: in custom mode `style`
 * and `title` are required (prompt up to 5000 characters, style 1000, title 80); otherwise the prompt is at most 500.
 */
export const kieSunoV55Input = z
  .strictObject({
    prompt: z.string().min(1).max(5000).describe('Custom mode: the lyrics (up to 5000 characters); otherwise a description of the song (up to 500)'),
    customMode: z.boolean().default(false).describe('Custom mode: prompt as lyrics, with style and title'),
    instrumental: z.boolean().default(false).describe('Music without vocals'),
    model: z.literal('V5_5').default('V5_5').describe('Suno V5_5'),
    style: z.string().min(1).max(1000).optional().describe('Music style (custom mode, required there)'),
    title: z.string().min(1).max(80).optional().describe('Track title (custom mode, required there)'),
    negativeTags: z.string().optional().describe('Styles to keep out'),
    vocalGender: z.enum(['m', 'f']).optional().describe('Vocal gender (custom mode)'),
    styleWeight: weight('How strongly to follow the style'),
    weirdnessConstraint: weight('How far to stray'),
    audioWeight: weight('Weight of the audio features'),
    personaId: z.string().min(1).optional().describe('A persona made on Kie to sing with'),
  })
  .superRefine((input, ctx) => {
    if (input.customMode) {
      for (const field of ['style', 'title'] as const)
        if (input[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required in custom mode` });
    } else if (input.prompt.length > 500) {
      ctx.addIssue({ code: 'custom', path: ['prompt'], message: 'at most 500 characters outside custom mode' });
    }
  });

const price = unknownPrice({
  reason: "Kie's Suno pages state no price and kie.ai/pricing is not at hand",
  checkedOn: '2026-12-07',
  source: 'https://kie.ai/pricing',
  unit: 'request',
  note: 'unit assumed per generate call, which makes two tracks',
});

export const kieSunoV55 = defineKieGenerator({
  id: 'kie-suno-v5-5',
  title: 'Suno V5.5 music (Kie)',
  description: "Music (two variations of a song, or instrumentals) with Suno V5.5 on Kie.ai's Suno API",
  model: 'suno-api/generate-music',
  family: 'suno/suno-v5.5',
  artifactType: 'audio',
  inputSchema: kieSunoV55Input,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a short calm piano tune', instrumental: true },
  // One call makes two tracks; the rate itself is unknown.
  estimateCost: () => estimateFromPrice(price, 1),
});
