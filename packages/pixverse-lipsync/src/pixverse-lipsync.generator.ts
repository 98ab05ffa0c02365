import { z } from 'zod';
import { defineFalGenerator } from '@boards/provider-fal';
import { estimateFromPrice, unknownCost } from '@boards/cost';
import { probeLocalMedia, RED_CIRCLE_MP4, SILENT_WAV } from '@boards/core';

export { RED_CIRCLE_MP4, SILENT_WAV };

/** Inputs of fal-ai/pixverse/lipsync on fal (the fields this package supports). */
export const pixverseLipsyncInput = z.strictObject({
  video_url: z
    .string()
    .min(1)
    .describe("URL of the input video (video: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)"),
  audio_url: z
    .string()
    .min(1)
    .describe(
      "URL of the input audio. If not provided, TTS will be used. (audio: a local path, file:// / https:// / data: URL or a stored artifact URL; uploaded to the provider's storage)",
    )
    .optional(),
  text: z.string().optional().describe('Text content for TTS when audio_url is not provided'),
  voice_id: z
    .enum(['Emily', 'James', 'Isabella', 'Liam', 'Chloe', 'Adrian', 'Harper', 'Ava', 'Sophia', 'Julia', 'Mason', 'Jack', 'Oliver', 'Ethan', 'Auto'])
    .default('Auto')
    .describe('Voice to use for TTS when audio_url is not provided'),
});

const price = {
  usd: '0.04',
  unit: 'second',
  checkedOn: '2026-12-07',
  source: 'https://fal.ai/models/fal-ai/pixverse/lipsync/llms.txt',
  note: 'per second of output video; without audio_url, text to speech adds $0.24 per 100 characters',
} as const;

/** Whole seconds of a local or data: media file; undefined for a remote URL or an unread format. */
const secondsOf = (ref: string) => {
  const seconds = probeLocalMedia(ref)?.durationSeconds;
  return seconds === undefined ? undefined : Math.ceil(seconds);
};

export const pixverseLipsync = defineFalGenerator({
  id: 'pixverse-lipsync',
  title: 'PixVerse Lipsync',
  description: "A video's lips synced to an audio track, or to text it speaks, with PixVerse Lipsync on fal",
  model: 'fal-ai/pixverse/lipsync',
  family: 'pixverse/pixverse-lipsync',
  artifactType: 'video',
  inputSchema: pixverseLipsyncInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { video_url: RED_CIRCLE_MP4, audio_url: SILENT_WAV },
  // Billed per second of output video, counted here as the longer of the two inputs, in whole seconds (an upper bound).
  estimateCost: (input) => {
    if (input.audio_url === undefined) return unknownCost('without audio_url the video lasts as long as the speech made from text, unknown before it is made');
    const seconds = [secondsOf(input.video_url), secondsOf(input.audio_url)];
    if (seconds.includes(undefined)) return unknownCost('the length of a remote or unread video or audio is unknown until the file is read');
    return estimateFromPrice(price, Math.max(...(seconds as number[])));
  },
  // fal reads inputs by URL: each file is uploaded to its storage first.
  uploads: { video_url: 'video', audio_url: 'audio' },
});
