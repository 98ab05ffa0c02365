export { infinitalk as generator, infinitalk, infinitalkInput } from './infinitalk.generator';
