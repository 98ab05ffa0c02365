export { descriptor } from './descriptor';
export { createFalAdapterClient, falOptionsFor, redirectFalUrl, type FalAdapterOptions } from './fal-client';
export { mapFalError } from './fal-error';
export { defineFalGenerator, type FalGeneratorSpec } from './fal-generator';
export { openFalGeneration, runFalRequest, uploadToFal, type FalGeneration, type FalResult } from './fal-queue';
export { billedMegapixels, IMAGE_SIZES, type ImageSize } from './fal-image-sizes';
