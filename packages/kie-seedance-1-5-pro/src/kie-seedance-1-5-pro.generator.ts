import { z } from 'zod';
import { defineKieGenerator, kieCreditPrice } from '@boards/provider-kie';
import { estimateFromPrice } from '@boards/cost';

const RESOLUTIONS = ['480p', '720p', '1080p'] as const;
type Resolution = (typeof RESOLUTIONS)[number];

/** Inputs of bytedance/seedance-1.5-pro on Kie (docs.kie.ai market page, 2026-08). The billed fields are always sent, defaults included. */
export const kieSeedance15ProInput = z.strictObject({
  prompt: z.string().min(3).max(20_000).describe('Text describing the video'),
  aspect_ratio: z.enum(['1:1', '4:3', '3:4', '16:9', '9:16', '21:9']).default('16:9').describe('Aspect ratio'),
  resolution: z.enum(RESOLUTIONS).default('720p').describe('Resolution; billed per second at its rate'),
  duration: z.number().int().min(4).max(12).default(4).describe('Length in seconds (4-12); billed per second'),
  generate_audio: z.boolean().default(false).describe('Generate a soundtrack (about twice the per-second rate)'),
  fixed_lens: z.boolean().optional().describe('Lock the camera for a static shot'),
  input_urls: z.array(z.string().min(1)).max(2).optional().describe('0-2 images to start from (first frame, or first and last); each is uploaded'),
  nsfw_checker: z.boolean().optional().describe("Kie's content filter (default off)"),
});

// Credits per second by resolution, without and with audio. kie.ai/pricing is not readable here:
// these are the per-second rates of a reseller of Kie's jobs API (aivideoapi.ai, 1 credit = $0.005 too).
const CREDITS_PER_SECOND: Record<Resolution, [number, number]> = { '480p': [3, 7], '720p': [7, 14], '1080p': [15, 30] };
const rate = (resolution: Resolution, audio: boolean) =>
  kieCreditPrice({ credits: CREDITS_PER_SECOND[resolution][audio ? 1 : 0], unit: 'second', checkedOn: '2026-12-01', source: 'https://kie.ai/pricing' });
const price = { ...rate('480p', false), note: '3 credits per second at 480p without audio; 7 at 720p, 15 at 1080p; about twice with generate_audio' };

export const kieSeedance15Pro = defineKieGenerator({
  id: 'kie-seedance-1-5-pro',
  title: 'Seedance 1.5 Pro (Kie)',
  description: "Text (or image) to video with ByteDance's Seedance 1.5 Pro on Kie.ai",
  model: 'bytedance/seedance-1.5-pro',
  family: 'bytedance/seedance-1.5-pro',
  artifactType: 'video',
  inputSchema: kieSeedance15ProInput,
  price,
  lifecycle: { status: 'active' },
  // The shortest, smallest, silent video: 4 s x 3 credits.
  cheapestInput: { prompt: 'a red ball rolling across a white floor', resolution: '480p', duration: 4 },
  // Billed per second of output video, at the resolution's rate (higher with audio).
  estimateCost: (input) => estimateFromPrice(rate(input.resolution, input.generate_audio), input.duration),
  uploads: { input_urls: 'image' },
});
