/**
 * The layering lint enforces (eslint.config.mjs, `@nx/enforce-module-boundaries` over the
 * `layer:*` project tags): each "never" arrow of DESIGN.md, planted as an import at the top of a
 * file of the importing project and linted with the workspace's own config (ESLint's API on the
 * file's text; nothing is written), must be an error, and the arrows the design allows must not.
 * So must a test-kit import in adapter or generator source, and a plugin import in the CLI.
 */
import { spawnSync } from 'node:child_process';
import { workspaceRoot } from './workspace';

type Case = [rule: string, file: string, target: string];

const REFUSED: Case[] = [
  ['the emulator imports nothing of this repository (core)', 'libs/emulator/src/kernel/http.ts', '@boards/core'],
  ['the emulator imports nothing of this repository (config)', 'libs/emulator/src/kernel/http.ts', '@boards/config'],
  ['core imports no adapter', 'libs/core/src/index.ts', '@boards/provider-fal'],
  ['core imports no infrastructure lib', 'libs/core/src/index.ts', '@boards/config'],
  ['config imports no adapter', 'libs/config/src/index.ts', '@boards/provider-replicate'],
  ['cost imports no adapter', 'libs/cost/src/index.ts', '@boards/provider-openai'],
  ['storage imports no adapter', 'libs/storage/src/index.ts', '@boards/provider-fal'],
  ['an adapter imports no other adapter', 'libs/providers/fal/src/index.ts', '@boards/provider-openai'],
  ['no lib imports a generator (testing)', 'libs/testing/src/index.ts', '@boards/flux-pro'],
  ['no lib imports a generator (an adapter)', 'libs/providers/fal/src/index.ts', '@boards/nano-banana'],
  ['no lib imports a tool', 'libs/config/src/index.ts', '@boards/tools'],
];

/** What ships may not import what is only for tests, nor the CLI the Nx plugin (eslint's `no-restricted-imports`). */
const RESTRICTED: Case[] = [
  ['adapter source imports no test kit', 'libs/providers/fal/src/fal-client.ts', '@boards/testing'],
  ['generator source imports no test kit (a subpath)', 'packages/nano-banana/src/nano-banana.generator.ts', '@boards/testing/drift'],
  ['the CLI imports no Nx plugin', 'tools/cli/src/cli.ts', '@boards/tools'],
];

const ALLOWED: Case[] = [
  ['an adapter test imports the test kit', 'libs/providers/fal/src/fal.test.ts', '@boards/testing'],
  ['an adapter imports core and config', 'libs/providers/fal/src/index.ts', '@boards/config'],
  ['a generator imports its adapter', 'packages/nano-banana/src/index.ts', '@boards/provider-fal'],
  ['testing imports the emulator', 'libs/testing/src/index.ts', '@boards/emulator'],
];

/**
 * Lints every case in one child process (ESLint loads the workspace's eslint.config.mjs with a
 * dynamic import, which jest's module system does not run): `import '<target>';` planted at the
 * top of the file's text; the file itself is not touched. Returns the boundary errors per case.
 */
const MARKER = 'boundary errors per case: ';

function lintPlanted(cases: Case[]): string[][] {
  const script = `
const MARKER = ${JSON.stringify(MARKER)};
const { readFileSync } = require('node:fs');
const { ESLint } = require('eslint');
const cases = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
(async () => {
  const out = [];
  for (const [, file, target] of cases) {
    const path = require('node:path').join(process.cwd(), file);
    const [result] = await eslint.lintText("import '" + target + "';\\n" + readFileSync(path, 'utf8'), { filePath: path });
    out.push(result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries' || m.ruleId === 'no-restricted-imports').map((m) => m.message));
  }
  // On a line of its own after a marker: what else writes to stdout (a warning of a plugin) cannot break the parse.
  process.stdout.write('\\n' + MARKER + JSON.stringify(out) + '\\n');
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });`;
  const child = spawnSync(process.execPath, ['-e', script], {
    cwd: workspaceRoot,
    input: JSON.stringify(cases),
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
    timeout: 60_000,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith(MARKER));
  if (child.status !== 0 || line === undefined) throw new Error(`linting the planted imports failed (${child.status}): ${child.stderr}\n${child.stdout}`);
  return JSON.parse(line.slice(MARKER.length)) as string[][];
}

describe('lint enforces the layers', () => {
  let refused: string[][];
  let restricted: string[][];
  let allowed: string[][];
  beforeAll(() => {
    const all = lintPlanted([...REFUSED, ...RESTRICTED, ...ALLOWED]);
    refused = all.slice(0, REFUSED.length);
    restricted = all.slice(REFUSED.length, REFUSED.length + RESTRICTED.length);
    allowed = all.slice(REFUSED.length + RESTRICTED.length);
  }, 60_000);

  it.each(REFUSED.map((c, i) => [c[0], i] as const))('refuses: %s', (_rule, i) => {
    // By a layer rule (or, for an import back up the graph, as a cycle): not because tags are missing.
    expect(refused[i]).toContainEqual(expect.stringMatching(/tagged with "layer:[a-z]+" can only depend on|Circular dependency/));
  });

  it.each(RESTRICTED.map((c, i) => [c[0], i] as const))('refuses: %s', (_rule, i) => {
    expect(restricted[i]).toContainEqual(
      expect.stringMatching(/is restricted from being used.*(test kit: import it from tests|does not depend on the Nx plugin)/),
    );
  });

  it.each(ALLOWED.map((c, i) => [c[0], i] as const))('allows: %s', (_rule, i) => {
    expect(allowed[i]).toEqual([]);
  });
});
