// Planted beside a copy of nano-banana's stored snapshot, its schema changed as a careless edit would change it:
// num_images up to 8 (the snapshot's maximum is 4) and an aspect ratio the snapshot does not list.
import { z } from 'zod';
import { listedGenerator } from '@boards/catalogue/src/__fixtures__/listed-generator';

export const generator = listedGenerator('drifted', {
  model: 'fal-ai/nano-banana',
  inputSchema: z.strictObject({
    prompt: z.string().min(3).max(50_000),
    num_images: z.number().int().min(1).max(8).default(1),
    aspect_ratio: z.enum(['1:1', '7:3']).optional(),
  }),
});
