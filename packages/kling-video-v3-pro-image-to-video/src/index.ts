export {
  klingVideoV3ProImageToVideo as generator,
  klingVideoV3ProImageToVideo,
  klingVideoV3ProImageToVideoInput,
} from './kling-video-v3-pro-image-to-video.generator';
