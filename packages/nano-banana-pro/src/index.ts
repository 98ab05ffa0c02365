export { nanoBananaPro as generator, nanoBananaPro, nanoBananaProInput } from './nano-banana-pro.generator';
