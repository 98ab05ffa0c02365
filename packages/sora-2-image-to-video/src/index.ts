export { sora2ImageToVideo as generator, sora2ImageToVideo, sora2ImageToVideoInput } from './sora-2-image-to-video.generator';
