export {
  grokImagineVideoExtendVideo as generator,
  grokImagineVideoExtendVideo,
  grokImagineVideoExtendVideoInput,
} from './grok-imagine-video-extend-video.generator';
