export {
  klingVideoV26ProImageToVideo as generator,
  klingVideoV26ProImageToVideo,
  klingVideoV26ProImageToVideoInput,
} from './kling-video-v2-6-pro-image-to-video.generator';
