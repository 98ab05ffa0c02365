export {
  klingVideoV25TurboProImageToVideo as generator,
  klingVideoV25TurboProImageToVideo,
  klingVideoV25TurboProImageToVideoInput,
} from './kling-video-v2-5-turbo-pro-image-to-video.generator';
