export { flux11Pro as generator, flux11Pro, flux11ProInput } from './flux-1-1-pro.generator';
