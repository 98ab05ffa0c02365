export { kieNanoBananaEdit as generator, kieNanoBananaEdit, kieNanoBananaEditInput, GRADIENT_PNG } from './kie-nano-banana-edit.generator';
