import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { hasKey, keyVariable as keyVariableOf } from '@boards/config';
import { effectiveLifecycleStatus, describeLifecycle, formatUsd, InvalidConfigError, type AnyGenerator, type CostEstimate } from '@boards/core';
import { ALLOW_UNKNOWN_VARIABLE, budgetFromEnv, formatEstimate, formatTotal, sumEstimates } from '@boards/cost';

export interface PlanOptions {
  workspaceRoot: string;
  /** Base of the change (a branch, tag or commit). Default: origin/main, else main. */
  base?: string;
  /** Head of the change. Default: the working tree (uncommitted changes count). */
  head?: string;
  /** Plan these projects instead of the affected set (e.g. ['tag:fal']). */
  projects?: string[];
  /** Plan a run against the emulator (`-c emulator`): no key needed, nothing spent. */
  emulator?: boolean;
  /** Where keys are looked up and what the `nx` processes of the plan get. Default: process.env (read, never written). */
  env?: NodeJS.ProcessEnv;
}

export interface PlannedGenerator {
  id: string;
  provider: string;
  model: string;
  estimate: CostEstimate;
  keyVariable: string;
  keyConfigured: boolean;
  /** Why its live test will not spend (missing key, retired model), if it will not. */
  skipReason?: string;
}

export interface LivePlan {
  selection: string;
  generators: PlannedGenerator[];
  /** What the run will reserve: the generators that will actually call their provider. */
  total: CostEstimate;
  /** What it would cost with every key configured. */
  totalIfAllKeys: CostEstimate;
  budgetUsd: string;
  budgetSource: string;
  fits: boolean;
  runCommand: string;
}

function nx(workspaceRoot: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(process.execPath, [join(workspaceRoot, 'node_modules/nx/dist/bin/nx.js'), ...args], {
    cwd: workspaceRoot,
    encoding: 'utf8',
    env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  if (result.status !== 0) throw new InvalidConfigError('live plan', `nx ${args.join(' ')} failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return result.stdout;
}

function defaultBase(workspaceRoot: string): string {
  const probe = spawnSync('git', ['rev-parse', '--verify', '--quiet', 'origin/main'], { cwd: workspaceRoot });
  return probe.status === 0 ? 'origin/main' : 'main';
}

/** The projects with a test-live target that the change selects (exactly what `nx affected -t test-live` runs). */
export function selectLiveProjects(options: PlanOptions): { projects: string[]; selection: string; runCommand: string } {
  if (options.projects?.length) {
    const list = options.projects.join(',');
    const projects = JSON.parse(nx(options.workspaceRoot, ['show', 'projects', '--json', '-t', 'test-live', `--projects=${list}`], options.env)) as string[];
    return { projects: projects.sort(), selection: `projects ${list}`, runCommand: `npx nx run-many -t test-live --projects=${list}` };
  }
  const base = options.base ?? defaultBase(options.workspaceRoot);
  const range = [`--base=${base}`, ...(options.head ? [`--head=${options.head}`] : [])];
  const projects = JSON.parse(nx(options.workspaceRoot, ['show', 'projects', '--json', '--affected', '-t', 'test-live', ...range], options.env)) as string[];
  return {
    projects: projects.sort(),
    selection: `affected by ${base}..${options.head ?? 'working tree'}`,
    runCommand: `npx nx affected -t test-live ${range.join(' ')}`,
  };
}

/** What a live run of the selected generators would spend, computed without calling any provider. */
export function planLiveRun(options: PlanOptions, load: (id: string) => AnyGenerator): LivePlan {
  const { projects, selection, runCommand } = selectLiveProjects(options);
  const generators = projects.map((id): PlannedGenerator => {
    const generator = load(id);
    const keyVariable = keyVariableOf(generator.provider);
    const keyConfigured = hasKey(generator.provider, { env: options.env, cwd: options.workspaceRoot });
    const retired = effectiveLifecycleStatus(generator.lifecycle) === 'retired';
    // Each generator's live test makes one call with its cheapestInput.
    const estimate: CostEstimate = retired ? { known: true, micros: 0, basis: 'retired: skipped' } : generator.estimateCost(generator.cheapestInput);
    const skipReason = retired
      ? `${generator.model} is ${describeLifecycle(generator.lifecycle)}`
      : keyConfigured || options.emulator
        ? undefined
        : `${keyVariable} not set`;
    return { id, provider: generator.provider, model: generator.model, estimate, keyVariable, keyConfigured, skipReason };
  });
  const budget = budgetFromEnv(process.env, { rehearsal: options.emulator === true });
  const total = sumEstimates(generators.filter((g) => !g.skipReason).map((g) => g.estimate));
  const totalIfAllKeys = sumEstimates(generators.map((g) => g.estimate));
  return {
    selection,
    generators,
    total,
    totalIfAllKeys,
    budgetUsd: formatUsd(budget.limitMicros),
    budgetSource: budget.source,
    fits: total.known ? total.micros <= budget.limitMicros : budget.allowUnknown,
    runCommand: options.emulator ? `${runCommand} -c emulator` : runCommand,
  };
}

export function renderPlan(plan: LivePlan): string {
  if (plan.generators.length === 0) {
    return `Live test plan (${plan.selection}): no generator is affected; nothing to run, $0.00.`;
  }
  const rows = plan.generators.map((g) => [g.id, g.provider, formatEstimate(g.estimate), g.skipReason ? `skip: ${g.skipReason}` : 'runs']);
  const header = ['generator', 'provider', 'estimate', 'key / status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [
    `Live test plan (${plan.selection}): ${plan.generators.length} generator(s), no provider called${plan.runCommand.endsWith('-c emulator') ? '; against the emulator, so estimates are notional' : ''}`,
    line(header),
    ...rows.map(line),
    `total with the keys configured here: ${formatTotal(plan.generators.filter((g) => !g.skipReason))}; with every key: ${formatTotal(plan.generators)}`,
    `budget: $${plan.budgetUsd} (${plan.budgetSource}): ${plan.fits ? 'fits' : plan.total.known ? 'DOES NOT FIT: raise BOARDS_LIVE_BUDGET_USD or narrow the run' : `DOES NOT FIT: a cost is unknown; set ${ALLOW_UNKNOWN_VARIABLE}=1 to allow it, or narrow the run`}`,
    `run it: ${plan.runCommand}`,
  ].join('\n');
}
