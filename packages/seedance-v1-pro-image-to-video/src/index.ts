export { seedanceV1ProImageToVideo as generator, seedanceV1ProImageToVideo, seedanceV1ProImageToVideoInput } from './seedance-v1-pro-image-to-video.generator';
