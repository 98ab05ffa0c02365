export { imagen4Preview as generator, imagen4Preview, imagen4PreviewInput } from './imagen4-preview.generator';
