export { seedreamV5LiteEdit as generator, seedreamV5LiteEdit, seedreamV5LiteEditInput } from './seedream-v5-lite-edit.generator';
