export { wan25PreviewImageToVideo as generator, wan25PreviewImageToVideo, wan25PreviewImageToVideoInput } from './wan-25-preview-image-to-video.generator';
