import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, seconds, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/wan-25-preview/text-to-video on fal (the fields this package supports). */
export const wan25PreviewTextToVideoInput = z.strictObject({
  prompt: z.string().min(1).describe('Text prompt describing the desired video. Max 5000 characters.'),
  aspect_ratio: z.enum(['16:9', '9:16', '1:1', '4:3', '3:4']).default('16:9').describe('Aspect ratio of the generated video.'),
  audio_url: z
    .string()
    .min(1)
    .describe(
      "URL of driving audio. Supports WAV and MP3. Duration: 3-30s. Max 15 MB. If not provided, the model auto-generates matching background music. (audio: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    )
    .optional(),
  duration: z
    .enum(['2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15'])
    .default('5')
    .describe('Output video duration in seconds (2-15).'),
  enable_prompt_expansion: z.boolean().default(true).describe('Enable intelligent prompt rewriting.'),
  enable_safety_checker: z.boolean().default(true).describe('Enable content moderation for input and output.'),
  negative_prompt: z.string().optional().describe('Content to avoid in the video. Max 500 characters.'),
  resolution: z.enum(['720p', '1080p']).default('1080p').describe('Output video resolution tier.'),
  seed: z.number().int().optional().describe('Random seed for reproducibility (0-2147483647).'),
});

const price = unknownPrice({
  reason:
    "fal's own pages at hand state none for this endpoint (the per-resolution rates of its image-to-video sibling are not this endpoint's), and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/wan-25-preview/text-to-video',
  unit: 'second',
});

export const wan25PreviewTextToVideo = defineFalGenerator({
  id: 'wan-25-preview-text-to-video',
  title: 'Wan 2.5 Preview Text to Video',
  description: "Text to video (optionally driven by an audio track) with Alibaba's Wan 2.5 preview on fal",
  model: 'fal-ai/wan-25-preview/text-to-video',
  family: 'alibaba/wan-2.5',
  artifactType: 'video',
  inputSchema: wan25PreviewTextToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', duration: '2', resolution: '720p' },
  // Billed per second of output video.
  estimateCost: (input) => estimateFromPrice(price, seconds(input.duration)),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { audio_url: 'audio' },
});
