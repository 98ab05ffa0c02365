import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The shard script as a real process (its logic, in process: shard.test.ts). */
describe('CI shards of the affected test projects', () => {
  it('runs as the script the pull-request workflow calls', () => {
    const script = join(__dirname, '../../scripts/shard.js');
    const result = spawnSync(process.execPath, [script, '--shards', '2'], { input: '["tools","core","cost"]', encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      include: [
        { shard: 1, of: 2, projects: 'core,tools' },
        { shard: 2, of: 2, projects: 'cost' },
      ],
    });
  });
});
