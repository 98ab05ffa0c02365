export { seedreamV45Edit as generator, seedreamV45Edit, seedreamV45EditInput } from './seedream-v4-5-edit.generator';
