import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';

/** A 64x64 PNG of a red circle (214 bytes): the smallest honest image to send in live tests. */
export const RED_CIRCLE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAnUlEQVR42u3Z2RWAIAwF0VcJ/RdlL9oChAhZJscC5v5hojf5CAAAAAAAAAAAAIDXPGPMfBEBk+nuDF1Jd2Tobv2+QXfT9xkKUm82KE69zdAP8Gu9waBo9auGToBj9UuGNoDD9fMGAAAAAAAAAAAAADynUwD4pQwASL+VYLEVA5B+N1phO13hPlDkQlPhRlbkSsmhGwAAAAAAAACQcD4WNJuKIQEmNQAAAABJRU5ErkJggg==';

/** Inputs of fal-ai/veo3.1/reference-to-video on fal (the fields this package supports). */
export const veo31ReferenceToVideoInput = z.strictObject({
  image_urls: z
    .array(z.string().min(1))
    .min(1)
    .describe(
      "URLs of the reference images to use for consistent subject appearance (each image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('The text prompt describing the video you want to generate'),
  aspect_ratio: z.enum(['16:9', '9:16']).default('16:9').describe('The aspect ratio of the generated video.'),
  auto_fix: z
    .boolean()
    .optional()
    .describe('Whether to automatically attempt to fix prompts that fail content policy or other validation checks by rewriting them.'),
  duration: z.string().default('8s').describe('The duration of the generated video.'),
  generate_audio: z.boolean().default(true).describe('Whether to generate audio for the video.'),
  resolution: z.enum(['720p', '1080p', '4k']).default('720p').describe('The resolution of the generated video.'),
  safety_tolerance: z
    .enum(['1', '2', '3', '4', '5', '6'])
    .default('4')
    .describe('The safety tolerance level for content moderation. 1 is the most strict (blocks most content), 6 is the least strict.'),
});

const price = {
  usd: '0.2',
  unit: 'second',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/veo3.1/reference-to-video/llms.txt',
  note: '720p or 1080p without audio; $0.40 per second with generate_audio; at 4k $0.40 without and $0.60 with audio',
} as const;
const withAudio = { ...price, usd: '0.40' } as const;
const at4k = { ...price, usd: '0.40' } as const;
const at4kWithAudio = { ...price, usd: '0.60' } as const;

function rateOf(input: { resolution: string; generate_audio: boolean }) {
  if (input.resolution === '4k') return input.generate_audio ? at4kWithAudio : at4k;
  return input.generate_audio ? withAudio : price;
}

export const veo31ReferenceToVideo = defineFalGenerator({
  id: 'veo3-1-reference-to-video',
  title: 'Veo 3.1 Reference to Video',
  description: "Video from reference images (consistent subject) with Google's Veo 3.1 on fal",
  model: 'fal-ai/veo3.1/reference-to-video',
  family: 'google/veo3.1-reference',
  artifactType: 'video',
  inputSchema: veo31ReferenceToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_urls: [RED_CIRCLE_PNG], prompt: 'a red circle on a white background', generate_audio: false, resolution: '720p' },
  // Billed per second of output video, by resolution (4k costs more) and at the audio rate when a soundtrack is generated.
  // The duration is a free string in the published document (default "8s"): one that does not start with a number is priced unknown.
  estimateCost: (input) => estimateFromPrice(rateOf(input), parseInt(input.duration, 10)),
  billedPrice: (input) => rateOf(input),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_urls: 'image' },
});
