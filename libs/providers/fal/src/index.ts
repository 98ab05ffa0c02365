export { descriptor } from './descriptor';
export { createFalAdapterClient, redirectFalUrl, type FalAdapterOptions } from './fal-client';
export { mapFalError } from './fal-error';
export { defineFalGenerator, type FalGeneratorSpec } from './fal-generator';
export { runFalRequest, uploadToFal, type FalResult } from './fal-queue';
