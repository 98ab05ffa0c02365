import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';

/** Inputs of fal-ai/veo3/fast (Veo3TextToVideoInput). The billed fields are always sent, defaults included. */
export const veo3Input = z.strictObject({
  prompt: z.string().min(1).max(20_000).describe('Text describing the video'),
  duration: z.enum(['4s', '6s', '8s']).default('8s').describe('Length of the video; billed per second'),
  generate_audio: z.boolean().default(true).describe('Generate a soundtrack: $0.15 instead of $0.10 per second'),
  aspect_ratio: z.enum(['16:9', '9:16']).default('16:9').describe('Aspect ratio'),
  resolution: z.enum(['720p', '1080p']).default('720p').describe('Resolution'),
  negative_prompt: z.string().max(20_000).optional().describe('What to keep out of the video'),
  seed: z.number().int().optional().describe('Seed for reproducible output'),
  auto_fix: z.boolean().optional().describe('Let fal rewrite a prompt that fails its content checks (default true)'),
  safety_tolerance: z.enum(['1', '2', '3', '4', '5', '6']).optional().describe('1 strictest to 6 most permissive (default 4)'),
});

const price = {
  usd: '0.10',
  unit: 'second',
  checkedOn: '2026-11-22',
  source: 'https://fal.ai/models/fal-ai/veo3/fast',
  note: 'without audio; $0.15 per second with generate_audio',
} as const;
const withAudio = { ...price, usd: '0.15' } as const;

export const veo3 = defineFalGenerator({
  id: 'veo3',
  title: 'Veo 3 Fast',
  description: "Text to video with Google's Veo 3 Fast on fal",
  model: 'fal-ai/veo3/fast',
  family: 'google/veo3',
  artifactType: 'video',
  inputSchema: veo3Input,
  price,
  lifecycle: { status: 'active' },
  // The shortest video fal allows, without a soundtrack: 4 s x $0.10.
  cheapestInput: { prompt: 'a red ball rolling across a white floor', duration: '4s', generate_audio: false },
  // Billed per second of output video, at the audio rate when a soundtrack is generated.
  estimateCost: (input) => estimateFromPrice(input.generate_audio ? withAudio : price, parseInt(input.duration, 10)),
  billedPrice: (input) => (input.generate_audio ? withAudio : price),
});
