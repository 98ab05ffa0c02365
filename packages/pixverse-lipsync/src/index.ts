export { pixverseLipsync as generator, pixverseLipsync, pixverseLipsyncInput } from './pixverse-lipsync.generator';
