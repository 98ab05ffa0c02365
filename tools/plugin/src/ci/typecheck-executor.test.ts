/**
 * The `typecheck` executor (tools/plugin/executors/typecheck): each project's own files are checked,
 * and a batch checks its projects in one program while each task keeps its own result and output.
 */
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');
// Node's own require, as Nx loads the executor (plain JavaScript; not jest's module registry).
const load = createRequire(__filename);
type Result = { success: boolean; terminalOutput: string };
type Batch = (taskGraph: unknown, inputs: Record<string, unknown>, overrides: unknown, context: unknown) => AsyncIterable<{ task: string; result: Result }>;
const { batch } = load(join(root, 'tools/plugin/executors/typecheck/executor.js')) as { batch: Batch };

let work: string;
// Without TypeScript's own lib files (megabytes of declarations, most of a small program's time) each
// program is quick: the global types a program needs are declared in every project instead.
const options = { strict: true, target: 'ES2022', module: 'esnext', moduleResolution: 'bundler', noLib: true, types: [], noEmit: true };
const GLOBALS = ['Array<T>', 'Boolean', 'Function', 'IArguments', 'Number', 'Object', 'RegExp', 'String', 'CallableFunction', 'NewableFunction']
  .map((type) => `interface ${type} {}`)
  .join('\n');

function project(name: string, files: Record<string, string>, compilerOptions: object = options): void {
  const dir = join(work, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src/**/*.ts'] }));
  for (const [file, text] of Object.entries({ ...files, 'globals.d.ts': GLOBALS })) writeFileSync(join(dir, 'src', file), text);
}

async function run(names: string[]): Promise<Record<string, Result>> {
  const tasks = Object.fromEntries(names.map((name) => [`${name}:typecheck`, { target: { project: name } }]));
  const inputs = Object.fromEntries(names.map((name) => [`${name}:typecheck`, { tsConfig: 'tsconfig.json' }]));
  const context = { root: work, projectGraph: { nodes: Object.fromEntries(names.map((name) => [name, { data: { root: name } }])) } };
  const results: Record<string, Result> = {};
  for await (const { task, result } of batch({ tasks }, inputs, {}, context)) results[task.split(':')[0]] = result;
  return results;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'typecheck-executor-'));
  project('lib', { 'index.ts': 'export const count: number = 1;\nexport const wrong: string = 2;\n' });
  project('good', { 'index.ts': "import { count } from '../../lib/src/index';\nexport const twice: number = count * 2;\n" });
  project('bad', { 'index.ts': "import { count } from '../../lib/src/index';\nexport const name: string = count;\n" });
  project('loose', { 'index.ts': 'export const anything = (x) => x;\n' }, { ...options, strict: false });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the typecheck executor', () => {
  it('fails only the projects whose own files have errors, each with its own diagnostics as tsc prints them', async () => {
    const results = await run(['lib', 'good', 'bad']);
    expect(results.bad.success).toBe(false);
    expect(results.bad.terminalOutput).toContain("src/index.ts(2,14): error TS2322: Type 'number' is not assignable to type 'string'.");
    expect(results.bad.terminalOutput).not.toContain('lib/src');
    // The lib's own error is the lib's: a project that reaches the file is not failed by it.
    expect(results.lib.success).toBe(false);
    expect(results.lib.terminalOutput).toContain('src/index.ts(2,14): error TS2322');
    expect(results.good).toMatchObject({ success: true, terminalOutput: expect.stringContaining('2 file(s) of good checked: no errors') });
  });

  it('checks projects with other compiler options in a program of their own', async () => {
    const results = await run(['good', 'loose']);
    // Under strict, `(x) => x` is an implicit any; the loose project's own options allow it.
    expect(results.loose.success).toBe(true);
    expect(results.good.success).toBe(true);
    project('strict-copy', { 'index.ts': 'export const anything = (x) => x;\n' });
    const strict = await run(['strict-copy', 'loose']);
    expect(strict['strict-copy'].terminalOutput).toContain('error TS7006');
    expect(strict.loose.success).toBe(true);
  });

  it('fails a project whose tsconfig matches no file, saying so', async () => {
    mkdirSync(join(work, 'empty'), { recursive: true });
    writeFileSync(join(work, 'empty', 'tsconfig.json'), JSON.stringify({ compilerOptions: options, include: ['src/**/*.ts'] }));
    const results = await run(['empty']);
    expect(results.empty.success).toBe(false);
    expect(results.empty.terminalOutput).toMatch(/No inputs were found in tsconfig\.json|error TS18003/);
  });
});
