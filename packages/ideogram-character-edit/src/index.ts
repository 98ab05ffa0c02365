export { ideogramCharacterEdit as generator, ideogramCharacterEdit, ideogramCharacterEditInput } from './ideogram-character-edit.generator';
