export { gptImage1EditImage as generator, gptImage1EditImage, gptImage1EditImageInput } from './gpt-image-1-edit-image.generator';
