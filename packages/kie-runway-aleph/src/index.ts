export { kieRunwayAleph as generator, kieRunwayAleph, kieRunwayAlephInput } from './kie-runway-aleph.generator';
