import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { nx } from './exec';
import { table, type Section } from './markdown';
import { median, millis, ratio, seconds } from './stats';

interface TaskTime {
  project: string;
  ms: number;
  status: string;
}

export interface SuiteRun {
  wallMs: number;
  code: number | null;
  tasks: TaskTime[];
}

/** Per-task durations from an `NX_PROFILE` trace (Chrome trace events, `dur` in microseconds). */
export function tasksFromProfile(events: unknown): TaskTime[] {
  if (!Array.isArray(events)) return [];
  return events.flatMap((e: { ph?: string; dur?: number; args?: { target?: { project?: string; target?: string }; status?: string } }) =>
    e.ph === 'X' && e.args?.target?.target === 'test' && e.args.target.project && typeof e.dur === 'number'
      ? [{ project: e.args.target.project, ms: e.dur / 1000, status: e.args.status ?? 'unknown' }]
      : [],
  );
}

/** Where one cold run keeps its Nx cache and workspace data: fresh dirs make it a first run, like a new clone's. */
function nxState(stateDir: string, run: number): Record<string, string> {
  const dir = join(stateDir, `suite-run-${run}`);
  return { NX_CACHE_DIRECTORY: join(dir, 'cache'), NX_WORKSPACE_DATA_DIRECTORY: join(dir, 'workspace-data') };
}

export async function runSuite(
  workspace: string,
  kind: 'cold' | 'cached',
  n: number,
  state: Record<string, string>,
  exclude: string[] = [],
): Promise<SuiteRun> {
  // NX_PROFILE is written relative to the workspace root.
  const profile = `tmp/bench-suite-${kind}-${n}.json`;
  const path = join(workspace, profile);
  rmSync(path, { force: true });
  const args = ['run-many', '-t', 'test', ...(exclude.length ? [`--exclude=${exclude.join(',')}`] : [])];
  const result = await nx(workspace, args, { ...state, NX_PROFILE: profile }, 15 * 60_000);
  const tasks = existsSync(path) ? tasksFromProfile(JSON.parse(readFileSync(path, 'utf8'))) : [];
  return { wallMs: result.ms, code: result.code, tasks };
}

const isCacheHit = (status: string) => /cache/.test(status);

export function failedProjects(runs: SuiteRun[]): string[] {
  return [...new Set(runs.flatMap((r) => r.tasks.filter((t) => t.status === 'failure').map((t) => t.project)))].sort();
}

/** What later sections reuse: the runs, and the Nx state whose cache holds every passing task (the last cold run's). */
export interface SuiteFigures {
  cold: SuiteRun[];
  cached: SuiteRun[];
  /** Projects that failed in a cold run: never cached, so left out of cached runs. */
  failing: string[];
  state: Record<string, string>;
}

export async function measureSuite(
  workspace: string,
  stateDir: string,
  runs: { cold: number; cached: number },
  log: (line: string) => void,
): Promise<Section & { figures: SuiteFigures }> {
  const cold: SuiteRun[] = [];
  const cached: SuiteRun[] = [];
  for (let i = 1; i <= runs.cold; i++) {
    cold.push(await runSuite(workspace, 'cold', i, nxState(stateDir, i)));
    log(`unit suite, cold, run ${i}: ${seconds(cold[i - 1].wallMs)}`);
  }
  // The last cold run stored every passing task's result: these runs replay them. A failing task
  // is never cached and would run again each time, so it is left out of the cached runs (and named).
  const failing = failedProjects(cold);
  for (let i = 1; i <= runs.cached; i++) {
    cached.push(await runSuite(workspace, 'cached', i, nxState(stateDir, runs.cold), failing));
    log(`unit suite, cached, run ${i}: ${seconds(cached[i - 1].wallMs)}`);
  }
  return {
    title: 'Unit suite: cold vs cached (`nx run-many -t test`)',
    body: renderSuite(cold, cached),
    figures: { cold, cached, failing, state: nxState(stateDir, runs.cold) },
  };
}

export function renderSuite(cold: SuiteRun[], cached: SuiteRun[]): string {
  const failing = failedProjects(cold);
  const projects = [...new Set(cold.flatMap((r) => r.tasks.map((t) => t.project)))].sort();
  const passing = projects.filter((p) => !failing.includes(p));
  const timesOf = (runs: SuiteRun[], project: string) => runs.flatMap((r) => r.tasks.filter((t) => t.project === project).map((t) => t.ms));
  const rows = projects.map((project) => {
    const c = median(timesOf(cold, project));
    const failed = cold.filter((r) => r.tasks.some((t) => t.project === project && t.status === 'failure')).length;
    if (failed) return [project, seconds(c), '-', '-', `failed in ${failed}/${cold.length} cold runs: not cacheable, left out of the cached runs`];
    const h = median(timesOf(cached, project));
    const hits = cached.filter((r) => r.tasks.some((t) => t.project === project && isCacheHit(t.status))).length;
    return [project, seconds(c), millis(h), `${hits}/${cached.length}`, ''];
  });
  const coldWall = median(cold.map((r) => r.wallMs));
  const cachedWall = median(cached.map((r) => r.wallMs));
  const sumOver = (runs: SuiteRun[], set: string[]) => median(runs.map((r) => r.tasks.filter((t) => set.includes(t.project)).reduce((s, t) => s + t.ms, 0)));
  const hitRate = cached.map((r) => `${r.tasks.filter((t) => isCacheHit(t.status)).length}/${r.tasks.length}`).join(', ');
  return [
    `\`nx run-many -t test\` in a snapshot of the working tree. Cold: median of ${cold.length} runs, each with an empty Nx cache and workspace data, like a fresh clone (every task runs and the project graph is computed; jest's transform cache is cold in the first run only). Cached: median of ${cached.length} runs right after, every passing task replayed from the local Nx cache. Per-project times are Nx's task durations (\`NX_PROFILE\`); Nx runs 2 tasks at a time (\`parallel: 2\`). Other work on the machine adds noise to the cold figures.`,
    '',
    table(
      ['', 'cold', 'cached', 'speed-up'],
      [
        [
          `**total wall clock** (${projects.length} projects cold${failing.length ? `, ${passing.length} cached` : ''})`,
          `**${seconds(coldWall)}**`,
          `**${seconds(cachedWall)}**`,
          `**${ratio(coldWall, cachedWall)}**`,
        ],
        [`sum of task times, the ${passing.length} passing projects`, seconds(sumOver(cold, passing)), millis(sumOver(cached, passing)), '-'],
      ],
      ['l', 'r', 'r', 'r'],
    ),
    '',
    `Cache hits in the cached runs: ${hitRate} tasks. Exit codes of the cold runs: ${cold.map((r) => r.code).join(', ')}.` +
      (failing.length ? ` Failing when measured (so never cached, and left out of the cached runs): ${failing.join(', ')}.` : ''),
    '',
    table(['project', 'cold', 'cached', 'cache hits', 'notes'], rows, ['l', 'r', 'r', 'r', 'l']),
  ].join('\n');
}
