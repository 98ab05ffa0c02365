export { veo31FastImageToVideo as generator, veo31FastImageToVideo, veo31FastImageToVideoInput } from './veo3-1-fast-image-to-video.generator';
