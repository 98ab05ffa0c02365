export { nanoBananaProEdit as generator, nanoBananaProEdit, nanoBananaProEditInput } from './nano-banana-pro-edit.generator';
