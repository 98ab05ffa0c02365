export { elevenlabsSoundEffectsV2 as generator, elevenlabsSoundEffectsV2, elevenlabsSoundEffectsV2Input } from './elevenlabs-sound-effects-v2.generator';
