export { veo31ImageToVideo as generator, veo31ImageToVideo, veo31ImageToVideoInput } from './veo3-1-image-to-video.generator';
