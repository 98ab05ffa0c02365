import { z } from 'zod';
import { RED_CIRCLE_MP4 } from '@boards/core';
import { defineKieGenerator } from '@boards/provider-kie';
import { estimateFromPrice, unknownPrice } from '@boards/cost';

/** Inputs of Kie's Runway Aleph API (docs.kie.ai/runway-api/generate-aleph-video: POST /api/v1/aleph/generate, the fields as the body). */
export const kieRunwayAlephInput = z.strictObject({
  prompt: z.string().min(1).describe('How to transform the video'),
  videoUrl: z.string().min(1).describe("The video to transform (Kie processes its first 5 s): a local path or URL, uploaded through Kie's file upload API"),
  referenceImage: z.string().min(1).optional().describe("An image to guide the style: a local path or URL, uploaded through Kie's file upload API"),
  aspectRatio: z.enum(['16:9', '9:16', '4:3', '3:4', '1:1', '21:9']).optional().describe('Aspect ratio of the output (default: Kie picks)'),
  seed: z.number().int().optional().describe('Seed for reproducible output'),
  waterMark: z.string().optional().describe('Watermark text'),
  uploadCn: z.boolean().optional().describe("Store the result on Kie's China storage (default false)"),
});

const price = unknownPrice({
  reason: "Kie's Runway Aleph pages state no price and kie.ai/pricing is not at hand",
  checkedOn: '2026-12-07',
  source: 'https://kie.ai/pricing',
  unit: 'request',
  note: 'unit assumed per task: each makes one video of at most 5 s',
});

export const kieRunwayAleph = defineKieGenerator({
  id: 'kie-runway-aleph',
  title: 'Runway Aleph (Kie)',
  description: "Video to video with Runway's Aleph on Kie.ai: a text-guided edit of the first 5 s of a clip",
  model: 'runway-api/generate-aleph-video',
  family: 'runway/runway-aleph',
  artifactType: 'video',
  inputSchema: kieRunwayAlephInput,
  price,
  lifecycle: { status: 'active' },
  // The smallest real video there is to transform: one second, 128x128 (2.5 KB).
  cheapestInput: { prompt: 'make it look like a watercolor painting', videoUrl: RED_CIRCLE_MP4 },
  // One video per task; the rate itself is unknown.
  estimateCost: () => estimateFromPrice(price, 1),
  // Kie reads inputs by URL: each file is uploaded through Kie's file upload API first.
  uploads: { videoUrl: 'video', referenceImage: 'image' },
});
