export {
  grokImagineVideoReferenceToVideo as generator,
  grokImagineVideoReferenceToVideo,
  grokImagineVideoReferenceToVideoInput,
} from './grok-imagine-video-reference-to-video.generator';
