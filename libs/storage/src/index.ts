export { LocalArtifactStore, type LocalStoreOptions } from './local-store';
export { ArtifactResolveError, ArtifactNotFoundError, InvalidArtifactError } from './errors';
export { describeRef } from './describe-ref';
export { INPUT_HEAD_BYTES, MAX_INPUT_BYTES, checkInputBytes, inspectLocalFile, maxInputBytes, type InputKind, type LocalInputFacts } from './input-check';
