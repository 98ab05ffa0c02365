export {
  klingVideoV3ProTextToVideo as generator,
  klingVideoV3ProTextToVideo,
  klingVideoV3ProTextToVideoInput,
} from './kling-video-v3-pro-text-to-video.generator';
