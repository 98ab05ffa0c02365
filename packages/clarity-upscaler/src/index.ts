export { clarityUpscaler as generator, clarityUpscaler, clarityUpscalerInput } from './clarity-upscaler.generator';
