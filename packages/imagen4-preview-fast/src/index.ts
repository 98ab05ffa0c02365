export { imagen4PreviewFast as generator, imagen4PreviewFast, imagen4PreviewFastInput } from './imagen4-preview-fast.generator';
