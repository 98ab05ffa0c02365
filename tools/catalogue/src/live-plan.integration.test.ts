/**
 * Pins which live tests each kind of change selects, so a later refactor cannot
 * silently widen (spend more) or narrow (miss breakage) the affected set.
 * Each case commits one change in a throwaway clone and asks Nx what it affects.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGeneratorById } from '@boards/core';
import { planLiveRun, renderPlan, selectLiveProjects } from './live-plan';

const root = join(__dirname, '../../..');
let clone: string;

const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, encoding: 'utf8' });
const load = (id: string) => loadGeneratorById(root, id);
const selectedBy = (change: () => void): string[] => {
  change();
  git('commit', '-qam', 'change under test');
  try {
    return selectLiveProjects({ workspaceRoot: clone, base: 'HEAD~1', head: 'HEAD' }).projects;
  } finally {
    git('reset', '-q', '--hard', 'HEAD~1');
  }
};

interface GraphNode {
  data: { tags?: string[]; targets?: Record<string, { inputs?: unknown[] }> };
}
/** The clone's project graph, read once (`nx graph --file`): the projects of each tag and their targets. */
let graph: Record<string, GraphNode>;
/** The projects with a test-live target and `tag`, sorted: what the live run of `tag:<tag>` runs. */
const withTag = (tag: string) =>
  Object.entries(graph)
    .filter(([, node]) => node.data.tags?.includes(tag) && node.data.targets?.['test-live'])
    .map(([name]) => name)
    .sort();

beforeAll(() => {
  clone = join(mkdtempSync(join(tmpdir(), 'affected-')), 'repo');
  execFileSync('git', ['clone', '-q', root, clone]);
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'));
  git('config', 'user.email', 'affected@example.invalid');
  git('config', 'user.name', 'affected test');
  const file = join(clone, '..', 'graph.json');
  execFileSync(process.execPath, [join(clone, 'node_modules/nx/dist/bin/nx.js'), 'graph', `--file=${file}`], {
    cwd: clone,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    stdio: 'ignore',
  });
  graph = (JSON.parse(readFileSync(file, 'utf8')) as { graph: { nodes: Record<string, GraphNode> } }).graph.nodes;
}, 30_000);
afterAll(() => rmSync(join(clone, '..'), { recursive: true, force: true }));

describe('live tests selected by a change', () => {
  it('a change to one generator selects that generator only', () => {
    expect(selectedBy(() => appendFileSync(join(clone, 'packages/flux-pro/src/flux-pro.generator.ts'), '\n// touched\n'))).toEqual(['flux-pro']);
  });

  it("a change to one provider adapter selects that provider's generators only", () => {
    const fal = withTag('fal');
    expect(fal).toContain('nano-banana');
    expect(selectedBy(() => appendFileSync(join(clone, 'libs/providers/fal/src/fal-client.ts'), '\n// touched\n'))).toEqual(fal);
  });

  it('a change to a shared lib selects every generator, and the plan prices all of them', () => {
    const all = withTag('generator');
    expect(selectedBy(() => appendFileSync(join(clone, 'libs/core/src/money.ts'), '\n// touched\n'))).toEqual(all);
    const plan = planLiveRun({ workspaceRoot: clone, projects: ['tag:generator'] }, load);
    expect(plan.generators.map((g) => g.id)).toEqual(all);
    // Known unless a generator's price is unknown; the known part is priced either way, never the unknown as $0.
    expect(plan.totalIfAllKeys.known).toBe(plan.generators.every((g) => g.estimate.known));
    const unknown = plan.generators.filter((g) => !g.estimate.known).map((g) => g.id);
    expect(renderPlan(plan)).toMatch(unknown.length ? `with every key: $` : /with every key: \$\d+\.\d+$/m);
    if (unknown.length) expect(renderPlan(plan)).toContain(` + unknown (${unknown.join(', ')})`);
  });

  it('a docs-only change selects nothing, wherever the doc is (a shared lib every generator depends on included)', () => {
    const docs = () => {
      for (const doc of ['README.md', 'libs/emulator/README.md', 'libs/config/README.md']) appendFileSync(join(clone, doc), '\nMore words.\n');
    };
    expect(selectedBy(docs)).toEqual([]);
  });

  it('BOARDS_REPLAY is an input of the unit tests: a cached pass cannot stand in for BOARDS_REPLAY=required', () => {
    expect(graph['gpt-image-2'].data.targets?.test.inputs).toContainEqual({ env: 'BOARDS_REPLAY' });
  });

  it("bumping one provider SDK in the lock file selects only that provider's generators", () => {
    const replicate = withTag('replicate');
    expect(replicate).toContain('flux-pro');
    const bump = () => {
      const lock = JSON.parse(readFileSync(join(clone, 'package-lock.json'), 'utf8'));
      lock.packages['node_modules/replicate'].version = '1.4.99';
      writeFileSync(join(clone, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
    };
    expect(selectedBy(bump)).toEqual(replicate);
  });
});
