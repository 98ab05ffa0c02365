import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/ltx-2.3/image-to-video on fal (the fields this package supports). */
export const ltx23ImageToVideoInput = z.strictObject({
  image_url: z
    .string()
    .min(1)
    .describe(
      "The URL of the start image to use for the generated video. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('The prompt to use for the generated video'),
  aspect_ratio: z
    .enum(['auto', '16:9', '9:16'])
    .default('auto')
    .describe("The aspect ratio of the generated video. If 'auto', the aspect ratio will be determined automatically based on the input image."),
  duration: z.enum(['6', '8', '10']).default('6').describe('The duration of the generated video in seconds'),
  end_image_url: z
    .string()
    .min(1)
    .describe(
      "The URL of the end image to use for the generated video. When provided, generates a transition video between start and end frames. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    )
    .optional(),
  fps: z.enum(['24', '25', '48', '50']).default('25').describe('The frames per second of the generated video'),
  generate_audio: z.boolean().default(true).describe('Whether to generate audio for the generated video'),
  resolution: z.enum(['1080p', '1440p', '2160p']).default('1080p').describe('The resolution of the generated video'),
});

const price = {
  usd: '0.06',
  unit: 'second',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/ltx-2.3/image-to-video',
  note: 'per second of output video at 1080p; fal charges twice that at 1440p and four times at 2160p',
} as const;

/** fal's rate per second of output for each resolution (read on the model's page with the price). */
const RATE_BY_RESOLUTION = { '1080p': '0.06', '1440p': '0.12', '2160p': '0.24' } as const;

export const ltx23ImageToVideo = defineFalGenerator({
  id: 'ltx-2-3-image-to-video',
  title: 'LTX-2.3 Image to Video',
  description: "Video with audio from a start image with Lightricks' LTX-2.3 on fal",
  model: 'fal-ai/ltx-2.3/image-to-video',
  family: 'lightricks/ltx-2.3',
  artifactType: 'video',
  inputSchema: ltx23ImageToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', duration: '6', resolution: '1080p' },
  // Billed per second of output video, at the rate of the resolution sent.
  estimateCost: (input) => estimateFromPrice({ ...price, usd: RATE_BY_RESOLUTION[input.resolution] }, Number(input.duration)),
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_url: 'image', end_image_url: 'image' },
});
