import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PostTasksExecutionContext, PreTasksExecutionContext } from '@nx/devkit';
import { capLedgerFromEnv, type CapsSummary } from '@boards/cost';
import { renderSummary, summarizeRun } from '@boards/catalogue';

/** Where a live run keeps its ledger and results: one folder per Nx invocation (git-ignored). */
export function runDirFor(workspaceRoot: string, runId: string): string {
  return join(workspaceRoot, '.live-runs', runId.slice(0, 16));
}

const isLiveRun = (argv: readonly string[]) => argv.some((a) => /(^|[:=,])test-live([:,]|$)/.test(a));

/**
 * Before Nx runs tasks: a run that includes test-live gets one ledger directory,
 * handed to every task process through BOARDS_LIVE_RUN_DIR, so the budget holds
 * across the projects Nx runs in parallel.
 */
export function preTasksExecution(_options: unknown, context: PreTasksExecutionContext): void {
  if (!isLiveRun(context.argv)) return;
  // Task processes check it before every paid call: once this run is gone they start none.
  process.env.BOARDS_LIVE_RUN_PID = String(process.pid);
  if (process.env.BOARDS_LIVE_RUN_DIR) return;
  const dir = runDirFor(context.workspaceRoot, context.id);
  mkdirSync(dir, { recursive: true });
  // Nx hands environment changes made here to every task process of the run.
  process.env.BOARDS_LIVE_RUN_DIR = dir;
}

/** Spend across runs for the summary; a ledger that cannot be read is said, not fatal. */
async function capsNow(workspaceRoot: string, emulator: boolean): Promise<CapsSummary | string> {
  try {
    return await capLedgerFromEnv({ namespace: emulator ? 'rehearsal' : 'live', cwd: workspaceRoot }).summary();
  } catch (error) {
    return `across runs: the cap ledger could not be read (${(error as Error).message})`;
  }
}

/** Where each generation of the run went ('emulator' or 'live'), from its record. */
function generationModes(dir: string): string[] {
  const root = join(dir, 'generations');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((generator) =>
    readdirSync(join(root, generator))
      .filter((f) => f.endsWith('.json'))
      .map((f) => {
        try {
          return (JSON.parse(readFileSync(join(root, generator, f), 'utf8')) as { mode?: string }).mode ?? 'live';
        } catch {
          return 'live';
        }
      }),
  );
}

/** After the run: the summary table per generator, and the same as JSON for CI artifacts. */
export async function postTasksExecution(_options: unknown, context: PostTasksExecutionContext): Promise<void> {
  if (!isLiveRun(context.argv)) return;
  // An exported BOARDS_LIVE_RUN_DIR is where the tasks wrote: summarize that one.
  const dir = process.env.BOARDS_LIVE_RUN_DIR || runDirFor(context.workspaceRoot, context.id);
  if (!existsSync(dir)) return;
  const taskStatus: Record<string, string> = {};
  let rehearsal = false;
  for (const [taskId, result] of Object.entries(context.taskResults)) {
    const [project, target, configuration] = taskId.split(':');
    if (target !== 'test-live') continue;
    taskStatus[project] = result.status;
    rehearsal ||= configuration === 'emulator';
  }
  // Money is real unless proven free: "no money spent" only when every call of the run was answered
  // by the emulator (the generation records say where each call's answers came from).
  const reached = generationModes(dir);
  const emulator = reached.length > 0 ? reached.every((m) => m === 'emulator') : rehearsal || process.env.BOARDS_EMULATOR === '1';
  const caps = await capsNow(context.workspaceRoot, rehearsal || process.env.BOARDS_EMULATOR === '1');
  const summary = summarizeRun(dir, taskStatus, emulator ? 'emulator' : 'live', typeof caps === 'string' ? undefined : caps);
  writeFileSync(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  mkdirSync(join(context.workspaceRoot, '.live-runs'), { recursive: true });
  writeFileSync(join(context.workspaceRoot, '.live-runs', 'latest-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`\n${renderSummary(summary)}\n${typeof caps === 'string' ? `${caps}\n` : ''}`);
}
