import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownCost, unknownPrice } from '@boards/cost';
import { RED_CIRCLE_PNG } from '@boards/core';

export { RED_CIRCLE_PNG };

/** Inputs of fal-ai/bytedance/seedance/v1/pro/image-to-video on fal (the fields this package supports). */
export const seedanceV1ProImageToVideoInput = z.strictObject({
  image_url: z
    .string()
    .min(1)
    .describe(
      "The URL of the image used to generate video (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    ),
  prompt: z.string().min(1).describe('The text prompt used to generate the video'),
  aspect_ratio: z.enum(['21:9', '16:9', '4:3', '1:1', '3:4', '9:16', 'auto']).default('auto').describe('The aspect ratio of the generated video'),
  camera_fixed: z.boolean().optional().describe('Whether to fix the camera position'),
  duration: z.enum(['2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']).default('5').describe('Duration of the video in seconds'),
  enable_safety_checker: z.boolean().default(true).describe('If set to true, the safety checker will be enabled.'),
  end_image_url: z
    .string()
    .min(1)
    .describe(
      "The URL of the image the video ends with. Defaults to None. (image: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    )
    .optional(),
  num_frames: z.number().int().min(1).optional().describe('The number of frames to generate. If provided, will override duration.'),
  resolution: z.enum(['480p', '720p', '1080p']).default('720p').describe('Video resolution - 480p for faster generation, 720p for higher quality'),
  seed: z.number().int().optional().describe('Random seed to control video generation. Use -1 for random.'),
});

const price = {
  usd: '0.0025',
  unit: '1k-tokens',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/bytedance/seedance/v1/pro/image-to-video/llms.txt',
  note: '$2.5 per million video tokens; tokens = width x height x 24 fps x seconds / 1024 (num_frames, when sent, stands for 24 x seconds)',
} as const;

/**
 * The output's frame size (width, height) by resolution and aspect ratio, from ByteDance's table for
 * Seedance 1.0 Pro (fal's example, 1080p 16:9 for 5 s at roughly $0.62, is 1920x1088 at 24 fps).
 * auto follows the image: its estimate is unknown.
 */
const FRAME_SIZES: Record<string, Partial<Record<string, [number, number]>>> = {
  '480p': { '16:9': [864, 480], '4:3': [736, 544], '1:1': [640, 640], '3:4': [544, 736], '9:16': [480, 864], '21:9': [960, 416], '9:21': [416, 960] },
  '720p': { '16:9': [1248, 704], '4:3': [1120, 832], '1:1': [960, 960], '3:4': [832, 1120], '9:16': [704, 1248], '21:9': [1504, 640], '9:21': [640, 1504] },
  '1080p': {
    '16:9': [1920, 1088],
    '4:3': [1664, 1248],
    '1:1': [1440, 1440],
    '3:4': [1248, 1664],
    '9:16': [1088, 1920],
    '21:9': [2176, 928],
    '9:21': [928, 2176],
  },
};

// fal's pages do not say what this endpoint's billable units count (tokens, thousands of them, videos): recorded as reported, never priced.
const billedUnits = unknownPrice({ reason: "fal's pages do not say what this endpoint's billable units count", checkedOn: '2026-12-07' });

export const seedanceV1ProImageToVideo = defineFalGenerator({
  id: 'seedance-v1-pro-image-to-video',
  title: 'Seedance 1.0 Pro Image to Video',
  description: "Video from a first frame (and an optional last one) with ByteDance's Seedance 1.0 Pro on fal",
  model: 'fal-ai/bytedance/seedance/v1/pro/image-to-video',
  family: 'bytedance/seedance-1.0-pro',
  artifactType: 'video',
  inputSchema: seedanceV1ProImageToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', duration: '2', resolution: '480p', aspect_ratio: '21:9' },
  // Billed per video token: width x height x frames / 1024, at 24 frames a second unless num_frames says how many.
  estimateCost: (input) => {
    const size = FRAME_SIZES[input.resolution][input.aspect_ratio];
    if (!size) return unknownCost(`the frame size of aspect_ratio ${input.aspect_ratio} at ${input.resolution} is not known before the call`);
    return estimateFromPrice(price, (size[0] * size[1] * (input.num_frames ?? 24 * Number(input.duration))) / 1024 / 1000);
  },
  billedPrice: () => billedUnits,
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { image_url: 'image', end_image_url: 'image' },
});
