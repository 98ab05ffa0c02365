export { qwenImageEdit as generator, qwenImageEdit, qwenImageEditInput } from './qwen-image-edit.generator';
