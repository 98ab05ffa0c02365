export { seedreamV45 as generator, seedreamV45, seedreamV45Input } from './seedream-v4-5.generator';
