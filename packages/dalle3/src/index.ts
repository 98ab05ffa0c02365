export { dalle3 as generator, dalle3, dalle3Input } from './dalle3.generator';
