export { descriptor } from './descriptor';
export { createReplicateClient, replicateOptionsFor, type ReplicateAdapterOptions } from './replicate-client';
export { mapReplicateError } from './replicate-error';
export { defineReplicateGenerator, type ReplicateGeneratorSpec } from './replicate-generator';
export { runReplicatePrediction, type ReplicatePrediction } from './replicate-prediction';
