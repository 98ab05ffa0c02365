export { nanoBanana as generator, nanoBanana, nanoBananaInput } from './nano-banana.generator';
