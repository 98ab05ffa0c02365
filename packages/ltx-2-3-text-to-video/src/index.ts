export { ltx23TextToVideo as generator, ltx23TextToVideo, ltx23TextToVideoInput } from './ltx-2-3-text-to-video.generator';
