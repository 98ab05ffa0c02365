export { gptImage15Edit as generator, gptImage15Edit, gptImage15EditInput } from './gpt-image-1-5-edit.generator';
