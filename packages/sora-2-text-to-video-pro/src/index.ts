export { sora2TextToVideoPro as generator, sora2TextToVideoPro, sora2TextToVideoProInput } from './sora-2-text-to-video-pro.generator';
