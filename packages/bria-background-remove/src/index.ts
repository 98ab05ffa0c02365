export { briaBackgroundRemove as generator, briaBackgroundRemove, briaBackgroundRemoveInput } from './bria-background-remove.generator';
