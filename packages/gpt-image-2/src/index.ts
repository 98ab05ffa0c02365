export { gptImage2 as generator, gptImage2, gptImage2Input } from './gpt-image-2.generator';
