export {
  klingVideoV25TurboProTextToVideo as generator,
  klingVideoV25TurboProTextToVideo,
  klingVideoV25TurboProTextToVideoInput,
} from './kling-video-v2-5-turbo-pro-text-to-video.generator';
