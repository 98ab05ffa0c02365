export { veedLipsync as generator, veedLipsync, veedLipsyncInput } from './veed-lipsync.generator';
