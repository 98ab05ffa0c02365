export { nanoBanana2 as generator, nanoBanana2, nanoBanana2Input } from './nano-banana-2.generator';
