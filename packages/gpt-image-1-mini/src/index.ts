export { gptImage1Mini as generator, gptImage1Mini, gptImage1MiniInput } from './gpt-image-1-mini.generator';
