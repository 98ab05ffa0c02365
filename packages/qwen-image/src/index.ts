export { qwenImage as generator, qwenImage, qwenImageInput } from './qwen-image.generator';
