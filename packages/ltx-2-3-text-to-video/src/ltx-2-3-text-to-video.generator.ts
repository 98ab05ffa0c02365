import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';

/** Inputs of fal-ai/ltx-2.3/text-to-video on fal (the fields this package supports). */
export const ltx23TextToVideoInput = z.strictObject({
  prompt: z.string().min(1).describe('The prompt to use for the generated video'),
  aspect_ratio: z.enum(['16:9', '9:16']).default('16:9').describe('The aspect ratio of the generated video'),
  duration: z.enum(['6', '8', '10']).default('6').describe('The duration of the generated video in seconds'),
  fps: z.enum(['24', '25', '48', '50']).default('25').describe('The frames per second of the generated video'),
  generate_audio: z.boolean().default(true).describe('Whether to generate audio for the generated video'),
  resolution: z.enum(['1080p', '1440p', '2160p']).default('1080p').describe('The resolution of the generated video'),
});

const price = {
  usd: '0.08',
  unit: 'second',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/ltx-2.3/text-to-video',
  note: 'per second of output video at 1080p; fal charges twice that at 1440p and four times at 2160p',
} as const;

/** fal's rate per second of output for each resolution (read on the model's page with the price). */
const RATE_BY_RESOLUTION = { '1080p': '0.08', '1440p': '0.16', '2160p': '0.32' } as const;

export const ltx23TextToVideo = defineFalGenerator({
  id: 'ltx-2-3-text-to-video',
  title: 'LTX-2.3 Text to Video',
  description: "Video with audio from a prompt with Lightricks' LTX-2.3 on fal",
  model: 'fal-ai/ltx-2.3/text-to-video',
  family: 'lightricks/ltx-2.3',
  artifactType: 'video',
  inputSchema: ltx23TextToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', duration: '6', resolution: '1080p' },
  // Billed per second of output video, at the rate of the resolution sent.
  estimateCost: (input) => estimateFromPrice({ ...price, usd: RATE_BY_RESOLUTION[input.resolution] }, Number(input.duration)),
});
