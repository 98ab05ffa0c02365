import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatUsd, type CostEstimate } from '@boards/core';
import { planLiveRun, type LivePlan } from '@boards/catalogue';
import { generatorLoader } from './generators';
import { table, type Section } from './markdown';
import { git } from './snapshot';
import { ratio, seconds } from './stats';

const usd = (e: CostEstimate) => (e.known ? `$${formatUsd(e.micros)}` : `unknown (${e.reason})`);
const micros = (e: CostEstimate) => (e.known ? e.micros : NaN);

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
  log(`affected: ${affected.generators.length} of ${all.generators.length} generators, ${usd(affected.totalIfAllKeys)} vs ${usd(all.totalIfAllKeys)}`);
  const row = (name: string, plan: LivePlan, ms: number) => [
    name,
    `\`${plan.runCommand}\``,
    plan.generators.map((g) => g.id).join(', ') || '(none)',
    `**${usd(plan.totalIfAllKeys)}**`,
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
      `Running every live test would cost **${ratio(micros(all.totalIfAllKeys), micros(affected.totalIfAllKeys))}** what \`nx affected -t test-live\` costs for this change (${affected.generators.length} of ${all.generators.length} generators selected).`,
    ].join('\n'),
  };
}
