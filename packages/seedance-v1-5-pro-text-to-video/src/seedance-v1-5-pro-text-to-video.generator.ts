import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownCost, unknownPrice } from '@boards/cost';

/** Inputs of fal-ai/bytedance/seedance/v1.5/pro/text-to-video on fal (the fields this package supports). */
export const seedanceV15ProTextToVideoInput = z.strictObject({
  prompt: z.string().min(1).describe('The text prompt used to generate the video'),
  aspect_ratio: z.enum(['21:9', '16:9', '4:3', '1:1', '3:4', '9:16', 'auto']).default('16:9').describe('The aspect ratio of the generated video'),
  camera_fixed: z.boolean().optional().describe('Whether to fix the camera position'),
  duration: z.enum(['4', '5', '6', '7', '8', '9', '10', '11', '12']).default('5').describe('Duration of the video in seconds'),
  enable_safety_checker: z.boolean().default(true).describe('If set to true, the safety checker will be enabled.'),
  generate_audio: z.boolean().default(true).describe('Whether to generate audio for the video'),
  resolution: z
    .enum(['480p', '720p', '1080p'])
    .default('720p')
    .describe('Video resolution - 480p for faster generation, 720p for balance, 1080p for higher quality'),
  seed: z.number().int().optional().describe('Random seed to control video generation. Use -1 for random.'),
});

const price = {
  usd: '0.0012',
  unit: '1k-tokens',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/bytedance/seedance/v1.5/pro/text-to-video/llms.txt',
  note: '$1.2 per million video tokens without audio, $2.4 with generate_audio; tokens = width x height x 24 fps x seconds / 1024',
} as const;
const withAudio = { ...price, usd: '0.0024' } as const;

/**
 * The output's frame size (width, height) by resolution and aspect ratio, from ByteDance's table for
 * Seedance 1.5 Pro (fal's example, 720p 16:9 for 5 s with audio at roughly $0.26, is 1280x720 at 24 fps).
 * 1080p 21:9 is not verified, and auto follows the prompt: their estimates are unknown.
 */
const FRAME_SIZES: Record<string, Partial<Record<string, [number, number]>>> = {
  '480p': { '16:9': [864, 496], '4:3': [752, 560], '1:1': [640, 640], '3:4': [560, 752], '9:16': [496, 864], '21:9': [992, 432] },
  '720p': { '16:9': [1280, 720], '4:3': [1112, 834], '1:1': [960, 960], '3:4': [834, 1112], '9:16': [720, 1280], '21:9': [1470, 630] },
  '1080p': { '16:9': [1920, 1080], '4:3': [1664, 1248], '1:1': [1440, 1440], '3:4': [1248, 1664], '9:16': [1080, 1920] },
};

// fal's pages do not say what this endpoint's billable units count (tokens, thousands of them, videos): recorded as reported, never priced.
const billedUnits = unknownPrice({ reason: "fal's pages do not say what this endpoint's billable units count", checkedOn: '2026-12-07' });

export const seedanceV15ProTextToVideo = defineFalGenerator({
  id: 'seedance-v1-5-pro-text-to-video',
  title: 'Seedance 1.5 Pro Text to Video',
  description: "Text to video with ByteDance's Seedance 1.5 Pro on fal, with an optional soundtrack",
  model: 'fal-ai/bytedance/seedance/v1.5/pro/text-to-video',
  family: 'bytedance/seedance-1.5-pro',
  artifactType: 'video',
  inputSchema: seedanceV15ProTextToVideoInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'a red circle on a white background', duration: '4', resolution: '480p', aspect_ratio: '1:1', generate_audio: false },
  // Billed per video token (width x height x frames / 1024, 24 frames a second), at the audio rate with a soundtrack.
  estimateCost: (input) => {
    const size = FRAME_SIZES[input.resolution][input.aspect_ratio];
    if (!size) return unknownCost(`the frame size of aspect_ratio ${input.aspect_ratio} at ${input.resolution} is not known before the call`);
    return estimateFromPrice(input.generate_audio ? withAudio : price, (size[0] * size[1] * (24 * Number(input.duration))) / 1024 / 1000);
  },
  billedPrice: () => billedUnits,
});
