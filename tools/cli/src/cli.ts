/**
 * The `boards` command line: picks the command, runs it, reports a failure (stderr, or
 * `{error}` on stdout with --json) and returns the exit code from exit-codes.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from './commands/command';
import { reportError } from './error-report';
import { usageError } from './errors';
import { ExitCode, exitCodeFor } from './exit-codes';
import { MAIN_HELP } from './help';
import { Output, type Streams } from './output';

/**
 * Each command's module is loaded when it runs: a `boards list` does not load the emulator, the
 * drift checker or the report renderer (each `boards` start compiles and loads less).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  list: async () => (await import('./commands/list')).listCommand,
  describe: async () => (await import('./commands/describe')).describeCommand,
  generate: async () => (await import('./commands/generate')).generateCommand,
  emulator: async () => (await import('./commands/emulator')).emulatorCommand,
  live: async () => (await import('./commands/live')).liveCommand,
  report: async () => (await import('./commands/report')).reportCommand,
  drift: async () => (await import('./commands/drift')).driftCommand,
};

/** Flags that may stand before the command name. */
const LEADING_FLAGS = new Set(['--json', '--help', '-h', '--version']);

/** Runs one command line; `streams` (default: the process's stdout and stderr) receive its output. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd(), streams?: Streams): Promise<number> {
  const end = argv.indexOf('--');
  const json = (end === -1 ? argv : argv.slice(0, end)).includes('--json');
  const output = new Output(json, streams);
  try {
    let i = 0;
    while (i < argv.length && LEADING_FLAGS.has(argv[i])) i++;
    const leading = argv.slice(0, i);
    const name = argv[i];
    if (name === undefined || name === 'help') {
      if (leading.includes('--version')) return version(output);
      output.help(MAIN_HELP);
      return ExitCode.OK;
    }
    if (name.startsWith('-')) throw usageError(`unknown option ${name} (options follow the command: npx boards <command> --help)`);
    const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!load) throw usageError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')} (npx boards --help)`);
    const rest = [...leading.filter((f) => f !== '--version'), ...argv.slice(i + 1)];
    const command = await load();
    return await command({ argv: rest, output, cwd, env });
  } catch (error) {
    reportError(output, error);
    return exitCodeFor(error);
  }
}

/**
 * The version of the packages this command ships with: the release's fixed group (@boards/core and
 * the rest are versioned together), not this workspace-private CLI package, which is never released.
 */
function version(output: Output): number {
  // The CLI lives in the workspace beside the packages it ships with (it is never published itself).
  const { version } = JSON.parse(readFileSync(join(__dirname, '../../../libs/core/package.json'), 'utf8')) as { version: string };
  output.result(version);
  output.document({ version });
  return ExitCode.OK;
}
