export { fluxProUltra as generator, fluxProUltra, fluxProUltraInput } from './flux-pro-ultra.generator';
