// Planted beside a copy of another model's snapshot (flux-pro's, on Replicate): held to it, every line would be noise.
import { listedGenerator } from '@boards/catalogue/src/__fixtures__/listed-generator';

export const generator = listedGenerator('mismatched', { model: 'fal-ai/nano-banana' });
