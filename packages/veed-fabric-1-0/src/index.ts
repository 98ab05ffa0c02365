export { veedFabric10 as generator, veedFabric10, veedFabric10Input } from './veed-fabric-1-0.generator';
