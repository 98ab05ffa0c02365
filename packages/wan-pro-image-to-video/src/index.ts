export { wanProImageToVideo as generator, wanProImageToVideo, wanProImageToVideoInput } from './wan-pro-image-to-video.generator';
