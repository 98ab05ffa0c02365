import { runShardCommand, splitIntoShards } from './shard';

// The script itself, run as the workflow runs it: shard.integration.test.ts.
describe('CI shards of the affected test projects', () => {
  it('deals sorted names round-robin, so every project runs exactly once and shard sizes differ by at most one', () => {
    const projects = ['whisper', 'core', 'flux-pro', 'cost', 'nano-banana', 'emulator', 'tools'];
    const shards = splitIntoShards(projects, 3);
    expect(shards).toEqual([
      { shard: 1, of: 3, projects: 'core,flux-pro,whisper' },
      { shard: 2, of: 3, projects: 'cost,nano-banana' },
      { shard: 3, of: 3, projects: 'emulator,tools' },
    ]);
    expect(shards.flatMap((s) => s.projects.split(',')).sort()).toEqual([...projects].sort());
  });

  it('is deterministic whatever order nx lists the projects in', () => {
    const a = ['b', 'a', 'd', 'c', 'e'];
    expect(splitIntoShards(a, 2)).toEqual(splitIntoShards([...a].reverse(), 2));
  });

  it('makes no empty shard: fewer projects than shards, or none at all', () => {
    expect(splitIntoShards(['core', 'cost'], 4)).toEqual([
      { shard: 1, of: 2, projects: 'core' },
      { shard: 2, of: 2, projects: 'cost' },
    ]);
    expect(splitIntoShards([], 3)).toEqual([]);
  });

  it('prints the matrix and count for $GITHUB_OUTPUT, and refuses bad input naming what is wrong', () => {
    expect(runShardCommand(['--shards', '2', '--github-output'], '["b","a","c"]')).toEqual({
      code: 0,
      out: 'matrix={"include":[{"shard":1,"of":2,"projects":"a,c"},{"shard":2,"of":2,"projects":"b"}]}\ncount=2',
    });
    expect(runShardCommand(['--shards', '0'], '["a"]')).toMatchObject({ code: 2, out: expect.stringContaining('--shards must be a whole number') });
    expect(runShardCommand(['--shards', '2'], 'not json')).toMatchObject({ code: 2, out: expect.stringContaining('stdin is not JSON') });
    expect(runShardCommand(['--shards', '2'], '{"a":1}')).toMatchObject({ code: 2, out: expect.stringContaining('JSON array of project names') });
  });
});
