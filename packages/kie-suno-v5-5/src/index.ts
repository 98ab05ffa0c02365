export { kieSunoV55 as generator, kieSunoV55, kieSunoV55Input } from './kie-suno-v5-5.generator';
