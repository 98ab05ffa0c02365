/** Output size per aspect ratio: multiples of 32 near one megapixel (the sizes Gemini/nano-banana uses). */
export const ASPECT_RATIO_SIZES: Readonly<Record<string, readonly [number, number]>> = {
  '1:1': [1024, 1024],
  '16:9': [1344, 768],
  '9:16': [768, 1344],
  '4:3': [1184, 864],
  '3:4': [864, 1184],
  '3:2': [1248, 832],
  '2:3': [832, 1248],
  '5:4': [1152, 896],
  '4:5': [896, 1152],
  '21:9': [1536, 672],
  '9:21': [672, 1536],
};

export const DEFAULT_SIZE: readonly [number, number] = [1024, 1024];

/** Largest edge the emulator renders; larger requests are scaled down keeping the aspect ratio. */
export const MAX_RENDER_EDGE = 4096;

/** Size actually rendered (and reported) for a requested size. */
export function renderSize(width: number, height: number): [number, number] {
  const scale = Math.min(1, MAX_RENDER_EDGE / Math.max(width, height));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}
