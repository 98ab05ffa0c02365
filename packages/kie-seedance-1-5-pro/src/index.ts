export { kieSeedance15Pro as generator, kieSeedance15Pro, kieSeedance15ProInput } from './kie-seedance-1-5-pro.generator';
