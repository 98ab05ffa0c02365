export { fluxPro as generator, fluxPro, fluxProInput } from './flux-pro.generator';
