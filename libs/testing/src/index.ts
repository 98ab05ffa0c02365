export { runConformanceSuite, type ConformanceOptions } from './conformance';
export { dummyKey, emulatorBaseUrls, scopedToTest, settingsFor, useEmulator, type EmulatorHandle } from './emulator-env';
export { describeLive, liveSkipReason, type LiveMode, type LiveRun } from './live';
export { recordGeneration, redactUrl, type GenerationOutcome, type GenerationRecord, type RecordedArtifact, type RecordedInputFile } from './live-record';
export { createTestContext, type TestContext, type TestContextOptions } from './test-context';
export { GenerationRecorder, scrubText } from './recording';
export { findRecordings, runReplaySuite } from './replay';
export { credentialFingerprint, describeKeySources } from './key-sources';
export { fuzzGeneratorInput, fuzzedInputs, schemaFieldPatterns, type FuzzInputOptions, type FuzzReport } from './fuzz';
export { describeDownloadFaults, testImageSpec, withFixedAnswer } from './adapter-fixtures';
export {
  compareSchemas,
  factsFromJsonSchema,
  factsFromRules,
  formatDrifts,
  generatorFacts,
  type Drift,
  type DriftKind,
  type DriftSubject,
  type FieldFacts,
  type SchemaFacts,
} from './drift';
export { describeSnapshotCheck } from './snapshot-check';
export { LiveStop, liveStop, processAlive, stopHub, type LiveStopOptions, type StopHub } from './live-stop';
export { describeJob, readJobs, type JobLine, type JobStatus } from './live-jobs';
