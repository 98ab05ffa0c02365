import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { configuredEnvironment, loadKeys } from '@boards/config';
import { planLiveRun, renderPlan, type PlanOptions } from '@boards/catalogue';
import { booleanFlag, parseArgs, stringFlag } from '../args';
import { loadGeneratorById, resolveWorkspaceRoot } from '../discover';
import { usageError } from '../errors';
import { ExitCode } from '../exit-codes';
import { LIVE_HELP } from '../help';
import { COMMON_FLAGS, type Command } from './command';

const FLAGS = [
  ...COMMON_FLAGS,
  { name: 'base', kind: 'value' },
  { name: 'head', kind: 'value' },
  { name: 'projects', kind: 'value' },
  { name: 'emulate', kind: 'boolean' },
] as const;

/**
 * `boards live plan`: which live tests a change selects and what they will cost, calling no provider.
 * `boards live run`: the same selection, run through Nx's test-live target (the consent path);
 * over budget it stops before running anything.
 */
export const liveCommand: Command = async ({ argv, output, cwd, env }) => {
  const args = parseArgs(argv, FLAGS);
  const [sub, extra] = args.positionals;
  if (booleanFlag(args, 'help') || !sub) {
    output.help(LIVE_HELP);
    return sub || booleanFlag(args, 'help') ? ExitCode.OK : ExitCode.INVALID_INPUT;
  }
  if (sub !== 'plan' && sub !== 'run') throw usageError(`unknown live command "${sub}": plan or run`);
  if (extra !== undefined) throw usageError(`live ${sub} takes no more arguments (got "${extra}")`);
  const root = resolveWorkspaceRoot(cwd, env);
  // The Nx run below gets the configured variables in its environment (a copy: process.env is not written).
  const configured = configuredEnvironment(env, loadKeys({ env, cwd: root }));
  const options: PlanOptions = {
    workspaceRoot: root,
    base: stringFlag(args, 'base'),
    head: stringFlag(args, 'head'),
    projects: stringFlag(args, 'projects')
      ?.split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    emulator: booleanFlag(args, 'emulate'),
    env: configured,
  };
  const plan = planLiveRun(options, (id) => loadGeneratorById(root, id));
  output.document({ plan });
  for (const line of renderPlan(plan).split('\n')) output.result(line);
  if (sub === 'plan') return ExitCode.OK;

  if (!plan.fits) {
    output.note(`error: the plan does not fit the budget; nothing was run`);
    return ExitCode.REFUSED;
  }
  if (plan.generators.length === 0) return ExitCode.OK;
  const nxArgs = plan.runCommand.replace(/^npx nx /, '').split(' ');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), ...nxArgs], {
    cwd: root,
    stdio: ['inherit', 'inherit', 'inherit'],
    env: configured,
  });
  return result.status === 0 ? ExitCode.OK : ExitCode.PROVIDER;
};
