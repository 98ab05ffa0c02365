export { flux2 as generator, flux2, flux2Input } from './flux-2.generator';
