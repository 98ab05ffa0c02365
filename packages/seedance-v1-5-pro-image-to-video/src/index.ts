export {
  seedanceV15ProImageToVideo as generator,
  seedanceV15ProImageToVideo,
  seedanceV15ProImageToVideoInput,
} from './seedance-v1-5-pro-image-to-video.generator';
