export { wan25PreviewTextToVideo as generator, wan25PreviewTextToVideo, wan25PreviewTextToVideoInput } from './wan-25-preview-text-to-video.generator';
