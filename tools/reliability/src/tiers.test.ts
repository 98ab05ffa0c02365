/**
 * The README's two commands pass on a machine with nothing but Node and npm: `npm test` runs the
 * unit tier only, and no unit test needs a service. A test that starts a real redis-server, a
 * browser or whole `nx` runs belongs to the integration tier, named in its file
 * (`*.integration.test.ts`) and run by `test-integration`, which .ci/run runs after installing them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './workspace';

/** What only an integration test may start. */
const SERVICES = /['"`](redis-server|redis-cli|chromium|google-chrome|playwright-core)['"`]|\blaunchChromium\(|\bchromium\.launch\(/;

const unitTests = execFileSync('git', ['ls-files', '*.test.ts', '*.spec.ts'], { cwd: workspaceRoot, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && !/\.(integration|live)\.test\.ts$/.test(file) && !file.includes('/files/') && existsSync(join(workspaceRoot, file)));

describe('test tiers', () => {
  it('no unit test starts a service (redis-server, a browser): those are integration tests', () => {
    expect(unitTests.length).toBeGreaterThan(50);
    const needServices = unitTests.filter((file) => SERVICES.test(readFileSync(join(workspaceRoot, file), 'utf8')) && !file.endsWith('tiers.test.ts'));
    expect(needServices).toEqual([]);
  });

  it('the jest preset keeps each tier to its files', () => {
    const preset = (tier: string) => {
      const previous = process.env.BOARDS_TEST_TIER;
      process.env.BOARDS_TEST_TIER = tier;
      try {
        delete require.cache[require.resolve(join(workspaceRoot, 'jest.preset.js'))];
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return (require(join(workspaceRoot, 'jest.preset.js')) as (dir: string) => { testMatch: string[]; testPathIgnorePatterns: string[] })(workspaceRoot);
      } finally {
        if (previous === undefined) delete process.env.BOARDS_TEST_TIER;
        else process.env.BOARDS_TEST_TIER = previous;
      }
    };
    expect(preset('unit').testPathIgnorePatterns.some((p) => new RegExp(p).test('a/src/x.integration.test.ts'))).toBe(true);
    expect(preset('unit').testPathIgnorePatterns.some((p) => new RegExp(p).test('a/src/x.live.test.ts'))).toBe(true);
    expect(preset('integration').testMatch).toEqual(['<rootDir>/src/**/*.integration.test.ts']);
  });
});
