export { veo31 as generator, veo31, veo31Input } from './veo3-1.generator';
