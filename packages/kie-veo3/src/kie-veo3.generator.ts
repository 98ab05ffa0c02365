import { z } from 'zod';
import { defineKieGenerator } from '@boards/provider-kie';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

/**
 * Inputs of Kie's Veo 3.1 API (docs.kie.ai/veo3-api/generate-veo-3-video: POST /api/v1/veo/generate, the fields as the
 * body). The fields the bill can depend on (model, resolution, duration, aspect_ratio) are always sent, defaults included.
 */
export const kieVeo3Input = z.strictObject({
  prompt: z.string().min(1).describe('Text describing the video'),
  model: z.enum(['veo3', 'veo3_fast', 'veo3_lite']).default('veo3_fast').describe('veo3 (Veo 3.1 Quality), veo3_fast (Fast) or veo3_lite (Lite)'),
  imageUrls: z
    .array(z.string().min(1))
    .min(1)
    .max(3)
    .optional()
    .describe("Images to start from (1-2 frames, or 1-3 references): local paths or URLs, each uploaded through Kie's file upload API"),
  generationType: z
    .enum(['TEXT_2_VIDEO', 'FIRST_AND_LAST_FRAMES_2_VIDEO', 'REFERENCE_2_VIDEO'])
    .optional()
    .describe('How the images are used (default: Kie picks by whether imageUrls are given)'),
  aspect_ratio: z.enum(['16:9', '9:16', 'Auto']).default('16:9').describe('Aspect ratio'),
  resolution: z.enum(['720p', '1080p', '4k']).default('720p').describe('Resolution'),
  duration: z
    .union([z.literal(4), z.literal(6), z.literal(8)])
    .default(8)
    .describe('Length in seconds: 4, 6 or 8'),
  enableTranslation: z.boolean().optional().describe('Let Kie translate the prompt to English (default false)'),
  watermark: z.string().optional().describe('Watermark text'),
  // Not supported by this package: enableFallback (deprecated on Kie's page).
});

const price = unknownPrice({
  reason: 'Kie\'s Veo 3.1 pages state only "25% of the official Google pricing" and point to kie.ai/pricing, of which no copy is at hand',
  checkedOn: '2026-12-07',
  source: 'https://kie.ai/pricing',
  unit: 'second',
  note: 'unit assumed per second of video, as Kie prices its other video models',
});

export const kieVeo3 = defineKieGenerator({
  id: 'kie-veo3',
  title: 'Veo 3.1 (Kie)',
  description: "Text (or image) to video with Google's Veo 3.1 (Quality, Fast or Lite) on Kie.ai's Veo API",
  model: 'veo3-api/generate-veo-3-video',
  family: 'google/veo3',
  artifactType: 'video',
  inputSchema: kieVeo3Input,
  price,
  lifecycle: { status: 'active' },
  // The shortest, smallest video of the lowest tier Kie lists (Lite).
  cheapestInput: { prompt: 'a red ball rolling across a white floor', model: 'veo3_lite', duration: 4, resolution: '720p' },
  // Counted per second of output video; the rate itself is unknown.
  estimateCost: (input) => estimateFromPrice(price, input.duration),
  // Kie reads inputs by URL: each image is uploaded through Kie's file upload API first.
  uploads: { imageUrls: 'image' },
});
