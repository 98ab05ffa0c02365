export { LocalArtifactStore, type LocalStoreOptions } from './local-store';
export { ArtifactResolveError, ArtifactNotFoundError, InvalidArtifactError } from './errors';
export { describeRef } from './describe-ref';
