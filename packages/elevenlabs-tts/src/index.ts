export { elevenlabsTts as generator, elevenlabsTts, elevenlabsTtsInput } from './elevenlabs-tts.generator';
