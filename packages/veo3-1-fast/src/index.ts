export { veo31Fast as generator, veo31Fast, veo31FastInput } from './veo3-1-fast.generator';
