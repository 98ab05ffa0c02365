export { kieVeo3 as generator, kieVeo3, kieVeo3Input } from './kie-veo3.generator';
