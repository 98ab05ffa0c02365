export { flux2Flex as generator, flux2Flex, flux2FlexInput } from './flux-2-flex.generator';
