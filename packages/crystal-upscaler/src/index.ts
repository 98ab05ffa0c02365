export { crystalUpscaler as generator, crystalUpscaler, crystalUpscalerInput } from './crystal-upscaler.generator';
