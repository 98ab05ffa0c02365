export { veo3 as generator, veo3, veo3Input } from './veo3.generator';
