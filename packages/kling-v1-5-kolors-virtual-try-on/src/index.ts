export {
  klingV15KolorsVirtualTryOn as generator,
  klingV15KolorsVirtualTryOn,
  klingV15KolorsVirtualTryOnInput,
} from './kling-v1-5-kolors-virtual-try-on.generator';
