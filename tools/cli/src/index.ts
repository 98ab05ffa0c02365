/** The `boards` command as a library: run it in-process, or reuse its discovery and exit codes. */
export { runCli } from './cli';
export { ExitCode, exitCodeFor, type ExitCodeValue } from './exit-codes';
export {
  findGeneratorPackage,
  findGeneratorPackages,
  findWorkspaceRoot,
  loadAllGenerators,
  loadGenerator,
  loadGeneratorById,
  resolveWorkspaceRoot,
  WORKSPACE_ROOT_VARIABLE,
  type GeneratorPackage,
} from './discover';
export { emulatorEnv, startEmbeddedEmulator } from './emulator-env';
