export {
  startEmulator,
  providerInputSchema,
  replayPrefix,
  keptHeaders,
  KEPT_HEADERS,
  SERVICE_HELP,
  parseServiceArgs,
  runEmulatorService,
  type Emulator,
} from './emulator';
export * from './providers/index';
export { encodePng, pngSize } from './kernel/media/png';
export { encodeWav, wavDurationSeconds, WAV_SAMPLE_RATE } from './kernel/media/wav';
export { encodeMp4, type Mp4Options } from './kernel/media/mp4';
export type { EmulatedProvider, EmulatorOptions, RecordedRequest, FaultKind, FaultSpec, JobDuration, ModelRegistration, OutputKind } from './kernel/types';
export type { ProviderModule, ProviderDef, ProviderHost, Route, RecordedApiFacts } from './kernel/provider';
export {
  loadRecording,
  ORIGIN_PLACEHOLDER,
  type Recording,
  type RecordedApi,
  type RecordedBody,
  type RecordedExchange,
  type LoadedRecording,
} from './kernel/recording';
export { scrubRecordingText, scrubStrings, SecretFragments, provenanceOf, EMULATOR_HEADER } from './kernel/scrub';
export { isLoopbackHost } from './kernel/control-token';
export { TEST_ID_HEADER } from './kernel/faults';
export type { FieldRule, Rules } from './kernel/rules';
export { referenceSnapshots } from './reference-snapshots';
export type { EmulatorSnapshot } from './kernel/snapshots';
export {
  emulatorDocument,
  emulatorUrlLines,
  onShutdownSignal,
  ServiceUsageError,
  CONTROL_TOKEN_VARIABLE,
  packageVersion,
  type ServiceOptions,
  type ServiceIo,
  type EmulatorDocument,
} from './server/service';
