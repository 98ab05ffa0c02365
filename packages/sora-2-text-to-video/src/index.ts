export { sora2TextToVideo as generator, sora2TextToVideo, sora2TextToVideoInput } from './sora-2-text-to-video.generator';
