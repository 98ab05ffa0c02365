export { fluxProKontext as generator, fluxProKontext, fluxProKontextInput } from './flux-pro-kontext.generator';
