export { flux2Edit as generator, flux2Edit, flux2EditInput } from './flux-2-edit.generator';
