import type { ArtifactType } from '@boards/core';

const MIB = 1024 * 1024;

/**
 * The largest input of each type (README: "Input limits"). Audio is OpenAI's transcription
 * upload limit (25 MiB), the strictest provider that takes audio; images and videos are well
 * above what the edit and image-to-video models take, and far below what would strain memory
 * (an input is held in memory once, to be uploaded).
 */
export const MAX_INPUT_BYTES: Readonly<Record<ArtifactType, number>> = {
  image: 50 * MIB,
  audio: 25 * MIB,
  video: 200 * MIB,
  text: 16 * MIB,
};
