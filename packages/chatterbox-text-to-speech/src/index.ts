export { chatterboxTextToSpeech as generator, chatterboxTextToSpeech, chatterboxTextToSpeechInput } from './chatterbox-text-to-speech.generator';
