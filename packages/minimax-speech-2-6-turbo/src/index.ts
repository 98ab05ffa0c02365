export { minimaxSpeech26Turbo as generator, minimaxSpeech26Turbo, minimaxSpeech26TurboInput } from './minimax-speech-2-6-turbo.generator';
