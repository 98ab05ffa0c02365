export { seedanceV15ProTextToVideo as generator, seedanceV15ProTextToVideo, seedanceV15ProTextToVideoInput } from './seedance-v1-5-pro-text-to-video.generator';
