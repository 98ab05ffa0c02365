import { booleanFlag, parseArgs } from '../args';
import { displayPath } from '../artifact-report';
import { loadAllGenerators, resolveWorkspaceRoot } from '../discover';
import { usageError } from '../errors';
import { ExitCode } from '../exit-codes';
import { REPORT_HELP } from '../help';
import { findRunDir } from '../report/board';
import { writeRunReport } from '../report/write';
import { COMMON_FLAGS, type Command } from './command';

/** `boards report [run]`: the HTML board of a live run (the latest by default), written into its directory. */
export const reportCommand: Command = async ({ argv, output, cwd, env }) => {
  const args = parseArgs(argv, COMMON_FLAGS);
  if (booleanFlag(args, 'help')) {
    output.help(REPORT_HELP);
    return ExitCode.OK;
  }
  if (args.positionals.length > 1) throw usageError(`report takes one run at most (got "${args.positionals[1]}")`);
  const root = resolveWorkspaceRoot(cwd, env);
  const runDir = findRunDir(root, cwd, args.positionals[0]);
  const { registry } = loadAllGenerators(root);
  const page = writeRunReport(runDir, registry.list());
  output.document({ runDir, page });
  output.result(`report: ${displayPath(page, cwd)}`);
  return ExitCode.OK;
};
