import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownCost } from '@boards/cost';

/** Inputs of fal-ai/sora-2/text-to-video/pro on fal (the fields this package supports). */
export const sora2TextToVideoProInput = z.strictObject({
  prompt: z.string().min(1).describe('The text prompt describing the video you want to generate'),
  aspect_ratio: z.enum(['9:16', '16:9']).default('16:9').describe('The aspect ratio of the generated video'),
  delete_video: z
    .boolean()
    .default(true)
    .describe(
      'Whether to delete the video after generation for privacy reasons. If True, the video cannot be used for remixing and will be permanently deleted.',
    ),
  detect_and_block_ip: z
    .boolean()
    .optional()
    .describe(
      'If enabled, the prompt (and image for image-to-video) will be checked for known intellectual property references and the request will be blocked if any are detected.',
    ),
  duration: z.enum(['4', '8', '12', '16', '20']).default('4').describe('Duration of the generated video in seconds'),
  resolution: z.enum(['720p', '1080p', 'true_1080p']).default('1080p').describe('The resolution of the generated video'),
  // Not supported by this package (their shape is not expressed): character_ids.
});

const price = {
  usd: '0.3',
  unit: 'second',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/docs/model-api-reference/video-generation-api/sora-2-text-to-video',
  note: 'at 720p; $0.50 per second at 1080p; true_1080p has no published price',
} as const;
const at1080p = { ...price, usd: '0.50' } as const;

export const sora2TextToVideoPro = defineFalGenerator({
  id: 'sora-2-text-to-video-pro',
  title: 'Sora 2 Pro Text to Video',
  description: "Text to video, with sound, with OpenAI's Sora 2 Pro on fal",
  model: 'fal-ai/sora-2/text-to-video/pro',
  family: 'openai/sora-2-pro',
  artifactType: 'video',
  inputSchema: sora2TextToVideoProInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', duration: '4', resolution: '720p' },
  // Billed per second of output video, by resolution; fal publishes no price for true_1080p, so it is priced unknown.
  estimateCost: (input) =>
    input.resolution === 'true_1080p'
      ? unknownCost('fal publishes no price for resolution true_1080p')
      : estimateFromPrice(input.resolution === '1080p' ? at1080p : price, parseInt(input.duration, 10)),
  billedPrice: (input) => (input.resolution === '1080p' ? at1080p : price),
});
