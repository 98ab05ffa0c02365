export { ltx23ImageToVideo as generator, ltx23ImageToVideo, ltx23ImageToVideoInput } from './ltx-2-3-image-to-video.generator';
