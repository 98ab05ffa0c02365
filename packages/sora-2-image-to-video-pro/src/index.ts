export { sora2ImageToVideoPro as generator, sora2ImageToVideoPro, sora2ImageToVideoProInput } from './sora-2-image-to-video-pro.generator';
