export {
  beatovenSoundEffectGeneration as generator,
  beatovenSoundEffectGeneration,
  beatovenSoundEffectGenerationInput,
} from './beatoven-sound-effect-generation.generator';
