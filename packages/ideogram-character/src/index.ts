export { ideogramCharacter as generator, ideogramCharacter, ideogramCharacterInput } from './ideogram-character.generator';
