import { emulatorDocument, emulatorUrlLines, onShutdownSignal, startEmulator } from '@boards/emulator';
import { workspaceSnapshots } from '@boards/testing/drift';
import { booleanFlag, parseArgs, stringFlag } from '../args';
import { resolveWorkspaceRoot } from '../discover';
import { emulatorEnv } from '../emulator-env';
import { CliError, usageError } from '../errors';
import { EMULATOR_HELP } from '../help';
import { COMMON_FLAGS, type Command } from './command';

const EMULATOR_FLAGS = [
  ...COMMON_FLAGS,
  { name: 'port', kind: 'value' },
  { name: 'job-ms', kind: 'value' },
  { name: 'quiet', kind: 'boolean', short: 'q' },
] as const;

function nonNegativeInteger(flag: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) > max) throw usageError(`--${flag} must be an integer from 0 to ${max}, not "${text}"`);
  return Number(text);
}

/** The workspace root, or undefined outside one (the emulator then serves no snapshot). */
function workspaceRootOrNone(): string | undefined {
  try {
    return resolveWorkspaceRoot();
  } catch {
    return undefined;
  }
}

/**
 * `boards emulator`: the provider emulator in the foreground, on 127.0.0.1, until Ctrl-C.
 * Prints its URLs and the export lines that point the adapters (and `boards generate`) at it.
 */
export const emulatorCommand: Command = async ({ argv, output }) => {
  const args = parseArgs(argv, EMULATOR_FLAGS);
  if (booleanFlag(args, 'help')) {
    output.help(EMULATOR_HELP);
    return 0;
  }
  if (args.positionals.length > 0) throw usageError(`emulator takes no arguments (got "${args.positionals[0]}")`);
  const port = nonNegativeInteger('port', stringFlag(args, 'port'), 65535);
  const jobDurationMs = nonNegativeInteger('job-ms', stringFlag(args, 'job-ms'), 3_600_000);
  const quiet = booleanFlag(args, 'quiet');

  let emulator;
  let snapshots: ReturnType<typeof workspaceSnapshots> = [];
  try {
    // The URLs are printed below; the emulator's own log adds one line per answered request.
    const log = quiet ? undefined : (line: string) => (line.startsWith('emulator listening') ? undefined : output.note(line));
    // Without --job-ms each model takes its realistic (scaled-down) time, so queued, processing and cancel paths run.
    // Every generator package's snapshot.json: each model is answered from its published document.
    snapshots = (() => {
      const root = workspaceRootOrNone();
      return root ? workspaceSnapshots(root) : [];
    })();
    emulator = await startEmulator({ port, jobDurationMs: jobDurationMs ?? 'realistic', log, snapshots });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES')
      throw new CliError('USAGE', `cannot listen on port ${port}: ${code === 'EADDRINUSE' ? 'in use' : 'permission denied'}`);
    throw error;
  }
  const env = emulatorEnv(emulator);
  // The same document as the published `boards-emulator --json`, plus the variables to export.
  const doc = emulatorDocument(emulator);
  output.document({ ...doc, jobDurationMs: jobDurationMs ?? 'realistic', env: Object.fromEntries(env) });
  output.result(`${snapshots.length} model${snapshots.length === 1 ? '' : 's'} answered from the workspace's snapshots (packages/*/snapshot.json)`);
  output.result(`jobs take ${jobDurationMs === undefined ? 'a realistic time per model' : `${jobDurationMs} ms`} (--job-ms N to change)`);
  for (const line of emulatorUrlLines(doc)) output.result(line);
  output.result('');
  output.result('Point the adapters and `npx boards generate` at it (the keys are dummies; any key works):');
  for (const [name, value] of env) output.result(`export ${name}=${value}`);
  output.result('');
  output.result('Ctrl-C stops it.');

  await new Promise<void>((resolve) => onShutdownSignal(resolve));
  output.note('emulator: stopping');
  await emulator.stop();
  return 0;
};
