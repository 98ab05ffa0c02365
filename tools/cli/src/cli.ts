/**
 * The `boards` command line: picks the command, runs it, reports a failure (stderr, or
 * `{error}` on stdout with --json) and returns the exit code from exit-codes.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from './commands/command';
import { describeCommand } from './commands/describe';
import { driftCommand } from './commands/drift';
import { emulatorCommand } from './commands/emulator';
import { generateCommand } from './commands/generate';
import { listCommand } from './commands/list';
import { liveCommand } from './commands/live';
import { reportCommand } from './commands/report';
import { reportError } from './error-report';
import { usageError } from './errors';
import { ExitCode, exitCodeFor } from './exit-codes';
import { MAIN_HELP } from './help';
import { Output, type Streams } from './output';

const COMMANDS: Record<string, Command> = {
  list: listCommand,
  describe: describeCommand,
  generate: generateCommand,
  emulator: emulatorCommand,
  live: liveCommand,
  report: reportCommand,
  drift: driftCommand,
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
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw usageError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')} (npx boards --help)`);
    const rest = [...leading.filter((f) => f !== '--version'), ...argv.slice(i + 1)];
    return await command({ argv: rest, output, cwd, env });
  } catch (error) {
    reportError(output, error);
    return exitCodeFor(error);
  }
}

function version(output: Output): number {
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  output.result(version);
  output.document({ version });
  return ExitCode.OK;
}
