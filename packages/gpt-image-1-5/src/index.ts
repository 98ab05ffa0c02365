export { gptImage15 as generator, gptImage15, gptImage15Input } from './gpt-image-1-5.generator';
