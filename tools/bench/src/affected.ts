import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { sum } from '@boards/core';
import { planLiveRun, type LivePlan } from '@boards/catalogue';
import { formatTotal } from '@boards/cost';
import { generatorLoader } from './generators';
import { table, type Section } from './markdown';
import { git } from './snapshot';
import { ratio, seconds } from './stats';

/** What the plan's live tests cost with every key: the known part, and the generators whose cost is unknown (never $0). */
export const usd = (plan: Pick<LivePlan, 'generators'>) => formatTotal(plan.generators);
const knownMicros = (plan: Pick<LivePlan, 'generators'>) => sum(plan.generators.flatMap((g) => (g.estimate.known ? [g.estimate.micros] : [])));

/** How much more every live test costs than the affected ones: of the known costs, saying how many are unknown. */
export function spendRatio(all: Pick<LivePlan, 'generators'>, affected: Pick<LivePlan, 'generators'>): string {
  const unknown = all.generators.filter((g) => !g.estimate.known).length;
  return (
    `Running every live test would cost **${ratio(knownMicros(all), knownMicros(affected))}** what \`nx affected -t test-live\` costs for this change ` +
    `(${affected.generators.length} of ${all.generators.length} generators selected${unknown ? `; of the known costs: ${unknown} live tests have an unknown cost` : ''}).`
  );
}

/** Estimated spend of `nx affected -t test-live` after a one-generator change vs every live test. */
export async function measureAffected(workspace: string, log: (line: string) => void, nxState: Record<string, string> = {}): Promise<Section> {
  const file = join(workspace, 'packages/flux-pro/src/flux-pro.generator.ts');
  appendFileSync(file, '\n// bench: a one-generator change\n');
  await git(workspace, ['commit', '-q', '--no-verify', '-am', 'bench: touch flux-pro']);
  const { load } = generatorLoader(workspace);
  let started = performance.now();
  const env = { ...process.env, ...nxState };
  const affected = planLiveRun({ workspaceRoot: workspace, base: 'HEAD~1', head: 'HEAD', env }, load);
  const affectedMs = performance.now() - started;
  started = performance.now();
  const all = planLiveRun({ workspaceRoot: workspace, projects: ['tag:generator'], env }, load);
  const allMs = performance.now() - started;
  log(`affected: ${affected.generators.length} of ${all.generators.length} generators, ${usd(affected)} vs ${usd(all)}`);
  const row = (name: string, plan: LivePlan, ms: number) => [
    name,
    `\`${plan.runCommand}\``,
    plan.generators.map((g) => g.id).join(', ') || '(none)',
    `**${usd(plan)}**`,
    seconds(ms),
  ];
  return {
    title: 'Live spend selection: affected vs all',
    body: [
      'Estimated cost of the live tests each selection would run, with every provider key configured (each live test makes one call with its cheapest input): `planLiveRun` (tools/plugin, the live plan behind `nx affected -t test-live`) in the snapshot with one committed change to packages/flux-pro. Nothing is called.',
      '',
      table(
        ['selection', 'command', 'generators', 'estimated live cost', 'time to plan'],
        [row('affected by the change', affected, affectedMs), row('every live test', all, allMs)],
        ['l', 'l', 'l', 'r', 'r'],
      ),
      '',
      spendRatio(all, affected),
    ].join('\n'),
  };
}
