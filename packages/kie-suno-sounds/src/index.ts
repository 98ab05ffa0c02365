export { kieSunoSounds as generator, kieSunoSounds, kieSunoSoundsInput } from './kie-suno-sounds.generator';
