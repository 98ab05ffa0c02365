export { seedanceV1ProTextToVideo as generator, seedanceV1ProTextToVideo, seedanceV1ProTextToVideoInput } from './seedance-v1-pro-text-to-video.generator';
