/**
 * The marginal cost of one more generator, as `../shared/acceptance/speed` measures it: CPU time
 * (user + system, the command and every process under it) of `nx run-many -t test
 * --projects=tag:generator --skip-nx-cache` minus that of one generator's `nx test <id>
 * --skip-nx-cache`, divided by the generators but one. CPU, not wall time, so a busy machine moves
 * it little; the two commands alternate and each figure is the median of their runs.
 */
import { join } from 'node:path';
import { exec, NX_ENV } from './exec';
import { table } from './markdown';
import { median, millis, ratio, seconds } from './stats';

export interface MarginalFigures {
  generators: number;
  /** Median CPU of one generator's `nx test <id> --skip-nx-cache`. */
  oneCpuMs: number;
  /** Median CPU of every generator's tests in one `nx run-many`. */
  suiteCpuMs: number;
  /** (suite - one) / (generators - 1). */
  marginalCpuMs: number;
  /** Runs that exited non-zero (their CPU still counts). */
  failures: string[];
}

export function marginalOf(suiteCpuMs: number, oneCpuMs: number, generators: number): number {
  return generators > 1 ? (suiteCpuMs - oneCpuMs) / (generators - 1) : NaN;
}

export async function measureMarginal(workspace: string, state: Record<string, string>, generator: string, runs: number): Promise<MarginalFigures> {
  const nxBin = join(workspace, 'node_modules/nx/dist/bin/nx.js');
  const env = { ...NX_ENV, ...state };
  const listed = await exec(process.execPath, [nxBin, 'show', 'projects', '--projects=tag:generator'], { cwd: workspace, env });
  const generators = listed.stdout.split('\n').filter((line) => line.trim()).length;
  const one: number[] = [];
  const suite: number[] = [];
  const failures: string[] = [];
  const timed = async (label: string, args: string[], into: number[]) => {
    const result = await exec(process.execPath, [nxBin, ...args], { cwd: workspace, env, timeoutMs: 30 * 60_000 });
    if (result.code !== 0) failures.push(`${label} exited ${result.code}`);
    into.push(result.cpuMs);
  };
  for (let i = 0; i < runs; i++) {
    await timed(`nx test ${generator}`, ['test', generator, '--skip-nx-cache'], one);
    await timed('the generator suite', ['run-many', '-t', 'test', '--projects=tag:generator', '--skip-nx-cache'], suite);
  }
  const oneCpuMs = median(one);
  const suiteCpuMs = median(suite);
  return { generators, oneCpuMs, suiteCpuMs, marginalCpuMs: marginalOf(suiteCpuMs, oneCpuMs, generators), failures };
}

/** The marginal figures as a paragraph and a table (BENCHMARKS.md). */
export function renderMarginal(m: MarginalFigures, generator: string): string {
  return [
    `One more generator: CPU time (user + system of the command and everything under it) of \`nx run-many -t test --projects=tag:generator --skip-nx-cache\` (${m.generators} generators) and of \`nx test ${generator} --skip-nx-cache\`, alternating, median of each; the marginal is (suite - one) / ${m.generators - 1}.`,
    '',
    table(
      ['CPU time', 'median', 'note'],
      [
        [`\`nx test ${generator} --skip-nx-cache\``, seconds(m.oneCpuMs), 'one generator alone'],
        [`every generator's tests (${m.generators})`, seconds(m.suiteCpuMs), ''],
        ['**one more generator**', `**${millis(m.marginalCpuMs)}**`, `${ratio(m.marginalCpuMs, m.oneCpuMs, 2)} of one generator alone`],
      ],
      ['l', 'r', 'l'],
    ),
    ...(m.failures.length ? ['', `Runs that failed (still counted): ${m.failures.join('; ')}.`] : []),
  ].join('\n');
}
