export { ideogramV2 as generator, ideogramV2, ideogramV2Input } from './ideogram-v2.generator';
