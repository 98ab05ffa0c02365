export { whisper as generator, whisper, whisperInput } from './whisper.generator';
