export { flux2ProEdit as generator, flux2ProEdit, flux2ProEditInput } from './flux-2-pro-edit.generator';
