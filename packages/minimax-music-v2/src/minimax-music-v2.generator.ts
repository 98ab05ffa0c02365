import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';

/** Inputs of fal-ai/minimax-music/v2 on fal (the fields this package supports). */
export const minimaxMusicV2Input = z.strictObject({
  lyrics_prompt: z
    .string()
    .min(10)
    .max(3000)
    .describe(
      'Lyrics of the song. Use n to separate lines. You may add structure tags like [Intro], [Verse], [Chorus], [Bridge], [Outro] to enhance the arrangement. 10-3000 characters.',
    ),
  prompt: z.string().min(10).max(300).describe('A description of the music, specifying style, mood, and scenario. 10-300 characters.'),
  // Not supported by this package (their shape is not expressed): audio_setting.
});

const price = {
  usd: '0.03',
  unit: 'request',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/minimax-music/v2/llms.txt',
} as const;

export const minimaxMusicV2 = defineFalGenerator({
  id: 'minimax-music-v2',
  title: 'MiniMax Music 2.0',
  description: 'A song with vocals from a style prompt and lyrics, MiniMax Music 2.0 on fal',
  model: 'fal-ai/minimax-music/v2',
  family: 'minimax/music-2.0',
  artifactType: 'audio',
  inputSchema: minimaxMusicV2Input,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { lyrics_prompt: '[verse] la la la', prompt: 'calm indie folk' },
  // One price per call, whatever the input.
  estimateCost: () => estimateFromPrice(price, 1),
});
