export { elevenlabsTtsElevenV3 as generator, elevenlabsTtsElevenV3, elevenlabsTtsElevenV3Input } from './elevenlabs-tts-eleven-v3.generator';
