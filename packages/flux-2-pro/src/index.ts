export { flux2Pro as generator, flux2Pro, flux2ProInput } from './flux-2-pro.generator';
