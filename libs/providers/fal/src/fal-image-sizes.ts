/**
 * fal's `image_size` presets in pixels, and what fal bills an image of each: whole megapixels of
 * 1024x1024, rounded up. Generators priced per megapixel estimate from these (their schema's
 * `image_size` is `z.enum(Object.keys(IMAGE_SIZES))`), so every package counts them the same way.
 */
export const IMAGE_SIZES = {
  square_hd: [1024, 1024],
  square: [512, 512],
  portrait_4_3: [768, 1024],
  portrait_16_9: [576, 1024],
  landscape_4_3: [1024, 768],
  landscape_16_9: [1024, 576],
} as const;

export type ImageSize = keyof typeof IMAGE_SIZES;

/** The megapixels fal bills for one image of a preset: 512x512 is 1, 1024x1024 is 1, 1920x1080 would be 2. */
export const billedMegapixels = (size: ImageSize) => Math.ceil((IMAGE_SIZES[size][0] * IMAGE_SIZES[size][1]) / 2 ** 20);
