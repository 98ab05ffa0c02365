import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/wan-25-preview/image-to-video on fal (the fields this package supports). */
export const wan25PreviewImageToVideoInput = z.strictObject({
  image_url: z
    .string()
    .min(1)
    .describe(
      "URL of the image to use as the first frame. Must be publicly accessible or base64 data URI. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('The text prompt describing the desired video motion. Max 800 characters.'),
  audio_url: z
    .string()
    .min(1)
    .describe(
      "URL of the audio to use as the background music. Must be publicly accessible. Limit handling: If the audio duration exceeds the duration value (5 or 10 seconds), the audio is truncated to the first... (audio: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    )
    .optional(),
  duration: z.enum(['5', '10']).default('5').describe('Duration of the generated video in seconds. Choose between 5 or 10 seconds.'),
  enable_prompt_expansion: z.boolean().default(true).describe('Whether to enable prompt rewriting using LLM.'),
  enable_safety_checker: z.boolean().default(true).describe('If set to true, the safety checker will be enabled.'),
  negative_prompt: z.string().optional().describe('Negative prompt to describe content to avoid. Max 500 characters.'),
  resolution: z.enum(['480p', '720p', '1080p']).default('1080p').describe('Video resolution. Valid values: 480p, 720p, 1080p'),
  seed: z.number().int().optional().describe('Random seed for reproducibility. If None, a random seed is chosen.'),
});

const price = {
  usd: '0.05',
  unit: 'second',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/wan-25-preview/image-to-video',
  note: 'per second of output video at 480p; fal charges $0.10 at 720p and $0.15 at 1080p',
} as const;

/** fal's rate per second of output for each resolution (read on the model's page with the price). */
const RATE_BY_RESOLUTION = { '480p': '0.05', '720p': '0.10', '1080p': '0.15' } as const;

export const wan25PreviewImageToVideo = defineFalGenerator({
  id: 'wan-25-preview-image-to-video',
  title: 'Wan 2.5 Preview Image to Video',
  description: "Video from a first frame (and optional background music) with Alibaba's Wan 2.5 preview on fal",
  model: 'fal-ai/wan-25-preview/image-to-video',
  family: 'alibaba/wan-2.5',
  artifactType: 'video',
  inputSchema: wan25PreviewImageToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', duration: '5', resolution: '480p' },
  // Billed per second of output video, at the rate of the resolution sent.
  estimateCost: (input) => estimateFromPrice({ ...price, usd: RATE_BY_RESOLUTION[input.resolution] }, Number(input.duration)),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_url: 'image', audio_url: 'audio' },
});
