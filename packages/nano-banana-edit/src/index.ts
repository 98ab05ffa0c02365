export { nanoBananaEdit as generator, nanoBananaEdit, nanoBananaEditInput, RED_CIRCLE_PNG } from './nano-banana-edit.generator';
