export {
  klingVideoO3StandardImageToVideo as generator,
  klingVideoO3StandardImageToVideo,
  klingVideoO3StandardImageToVideoInput,
} from './kling-video-o3-standard-image-to-video.generator';
