/**
 * The workspace plugin infers each project's targets from its files, so no project.json declares an
 * empty target: a generator package gets test-live by having a live test, a lib its
 * test-integration by having an integration test.
 */
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

type Inferred = Array<[string, { projects: Record<string, { targets: Record<string, object> }> }]>;
const plugin = createRequire(__filename)(join(__dirname, '../../nx-plugin.js')) as {
  createNodesV2: [string, (files: string[], options: unknown, context: { workspaceRoot: string }) => Inferred];
};

let root: string;
const files = [
  'packages/gen/project.json',
  'packages/gen/jest.config.js',
  'packages/gen/tsconfig.json',
  'packages/gen/src/gen.live.test.ts',
  'packages/gen/src/gen.test.ts',
  'libs/lib/project.json',
  'libs/lib/jest.config.js',
  'libs/lib/tsconfig.json',
  'libs/lib/tsconfig.lib.json',
  'libs/lib/src/store.integration.test.ts',
  'libs/lib/src/__fixtures__/jest.config.js',
  'tools/tool/project.json',
  'tools/tool/src/generators/files/x.live.test.ts',
];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'infer-'));
  for (const file of files) {
    mkdirSync(join(root, dirname(file)), { recursive: true });
    writeFileSync(join(root, file), '{}');
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('infers each target from the files a project has, and only from its own', () => {
  const [glob, infer] = plugin.createNodesV2;
  expect(glob).toMatch(/\*\.live\.test\.ts/);
  // What Nx hands the plugin: the files its glob matches (a unit test file is not among them).
  const matched = files.filter((f) => f !== 'packages/gen/src/gen.test.ts');
  const targets = Object.fromEntries(
    infer(matched, {}, { workspaceRoot: root })
      .flatMap(([, r]) => Object.entries(r.projects))
      .map(([p, c]) => [p, Object.keys(c.targets).sort()]),
  );
  expect(targets).toEqual({
    'packages/gen': ['lint', 'test', 'test-live', 'typecheck'],
    'libs/lib': ['build', 'lint', 'test', 'test-integration', 'typecheck'],
    // a template under files/ is not the tool's own live test
    'tools/tool': ['lint'],
  });
});
