import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, seconds, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/sora-2/image-to-video/pro on fal (the fields this package supports). */
export const sora2ImageToVideoProInput = z.strictObject({
  image_url: z
    .string()
    .min(1)
    .describe(
      "The URL of the image to use as the first frame (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('The text prompt describing the video you want to generate'),
  aspect_ratio: z.enum(['auto', '9:16', '16:9']).default('auto').describe('The aspect ratio of the generated video'),
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
  resolution: z.enum(['auto', '720p', '1080p', 'true_1080p']).default('auto').describe('The resolution of the generated video'),
  // Not supported by this package (their shape is not expressed): character_ids.
});

const price = unknownPrice({
  reason:
    "fal's own pages at hand state none for this endpoint (fal's docs give per-second figures for the text-to-video pro endpoint only, none for true_1080p), and third-party listings are not used",
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/sora-2/image-to-video/pro',
  unit: 'second',
});

export const sora2ImageToVideoPro = defineFalGenerator({
  id: 'sora-2-image-to-video-pro',
  title: 'Sora 2 Pro Image to Video',
  description: "Image to video, with sound, with OpenAI's Sora 2 Pro on fal",
  model: 'fal-ai/sora-2/image-to-video/pro',
  family: 'openai/sora-2-pro-image-to-video',
  artifactType: 'video',
  inputSchema: sora2ImageToVideoProInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', duration: '4', resolution: '720p' },
  // Billed per second of output video.
  estimateCost: (input) => estimateFromPrice(price, seconds(input.duration)),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_url: 'image' },
});
