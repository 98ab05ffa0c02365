/**
 * Pins the cache precision of the workspace's Nx targets: each cached target declares the npm
 * packages it runs (`externalDependencies` in nx.json targetDefaults or a project.json), so a
 * lock-file change to a package a target does not use (an eslint plugin, for the unit tests)
 * keeps that target's cache. The hash plans come from Nx itself (scripts/task-inputs.js).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');
let plans: Record<string, string[]>;

beforeAll(() => {
  const out = execFileSync(process.execPath, [join(root, 'tools/plugin/scripts/task-inputs.js')], {
    cwd: root,
    encoding: 'utf8',
    // About 10 KB a project: a workspace of a hundred generators passes the default 1 MB.
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  plans = JSON.parse(out);
});

const ESLINT_ONLY = /^npm:(eslint|typescript-eslint|@typescript-eslint\/.*|@eslint\/.*|@nx\/eslint-plugin|eslint-.*)(@.*)?$/;
const tasksOf = (target: string) => Object.keys(plans).filter((id) => id.endsWith(`:${target}`));

describe('task hashes read only the npm packages the task uses', () => {
  it('every cached target of every project declares its external dependencies (none hashes the whole lock file)', () => {
    expect(tasksOf('test').length).toBeGreaterThan(10);
    expect(Object.entries(plans).filter(([, external]) => external.includes('AllExternalDependencies'))).toEqual([]);
  });

  it('an eslint-only package is an input of lint, never of test or typecheck', () => {
    for (const id of tasksOf('lint')) expect(plans[id]).toContain('npm:eslint');
    const leaks = [...tasksOf('test'), ...tasksOf('typecheck')].flatMap((id) => plans[id].filter((p) => ESLINT_ONLY.test(p)).map((p) => `${id} ${p}`));
    expect(leaks).toEqual([]);
  });

  it('the packages a target runs stay inputs: jest for test, typescript for typecheck, the provider SDK for its generators', () => {
    for (const id of tasksOf('test')) expect(plans[id]).toEqual(expect.arrayContaining(['npm:jest', 'npm:@swc/jest']));
    for (const id of tasksOf('typecheck')) expect(plans[id]).toContain('npm:typescript');
    expect(plans['flux-pro:test']).toContain('npm:replicate');
    expect(plans['nano-banana:test']).toContain('npm:@fal-ai/client');
    expect(plans['flux-pro:test']).not.toContain('npm:@fal-ai/client');
  });
});

describe('the environment of unit and live tests', () => {
  const targets = (
    JSON.parse(readFileSync(join(root, 'nx.json'), 'utf8')) as { targetDefaults: Record<string, { options?: { env?: Record<string, string> } }> }
  ).targetDefaults;

  it('unit tests (plain HTTP to the loopback emulator) skip reading a CA bundle; live tests keep the one the machine names', () => {
    expect(targets.test.options?.env).toMatchObject({ BOARDS_TEST_TIER: 'unit', NODE_EXTRA_CA_CERTS: '' });
    expect(targets['test-live'].options?.env ?? {}).not.toHaveProperty('NODE_EXTRA_CA_CERTS');
  });
});
