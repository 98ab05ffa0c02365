export {
  veo31FirstLastFrameToVideo as generator,
  veo31FirstLastFrameToVideo,
  veo31FirstLastFrameToVideoInput,
} from './veo3-1-first-last-frame-to-video.generator';
