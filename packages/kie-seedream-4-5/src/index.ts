export { kieSeedream45 as generator, kieSeedream45, kieSeedream45Input } from './kie-seedream-4-5.generator';
