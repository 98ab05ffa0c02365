export { fluxSchnell as generator, fluxSchnell, fluxSchnellInput } from './flux-schnell.generator';
