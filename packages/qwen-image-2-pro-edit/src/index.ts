export { qwenImage2ProEdit as generator, qwenImage2ProEdit, qwenImage2ProEditInput } from './qwen-image-2-pro-edit.generator';
