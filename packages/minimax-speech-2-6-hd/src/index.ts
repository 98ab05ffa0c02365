export { minimaxSpeech26Hd as generator, minimaxSpeech26Hd, minimaxSpeech26HdInput } from './minimax-speech-2-6-hd.generator';
