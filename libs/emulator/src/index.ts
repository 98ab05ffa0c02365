export { startEmulator } from './server';
export { rewriteFalUrl } from './rewrite';
export { encodePng, pngSize } from './media/png';
export { encodeWav, wavDurationSeconds, WAV_SAMPLE_RATE } from './media/wav';
export { encodeMp4, type Mp4Options } from './media/mp4';
export { REPLICATE_MODELS } from './replicate-models';
export { FAL_ENDPOINTS } from './fal-endpoints';
export { OPENAI_MODELS } from './openai-models';
export type { EmulatedProvider, EmulatorOptions, RecordedRequest, FaultKind, FaultSpec, Emulator } from './types';
export {
  loadRecording,
  ORIGIN_PLACEHOLDER,
  type Recording,
  type RecordedApi,
  type RecordedBody,
  type RecordedExchange,
  type LoadedRecording,
} from './recording';
export { replayPrefix } from './replay';
export { scrubRecordingText, scrubStrings, SecretFragments, keptHeaders, provenanceOf, KEPT_HEADERS, EMULATOR_HEADER } from './scrub';
export { isLoopbackHost } from './control-token';
export { TEST_ID_HEADER } from './faults';
export { providerInputSchema } from './schemas';
export type { FieldRule, Rules } from './validate';
export type { JobDuration, ModelRegistration } from './types';
export type { OutputKind } from './replicate-models';
export {
  runEmulatorService,
  parseServiceArgs,
  emulatorDocument,
  emulatorUrlLines,
  onShutdownSignal,
  ServiceUsageError,
  SERVICE_HELP,
  CONTROL_TOKEN_VARIABLE,
  packageVersion,
  type ServiceOptions,
  type ServiceIo,
  type EmulatorDocument,
} from './service';
