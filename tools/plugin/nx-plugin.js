// The plugin nx.json loads, through node_modules/.boards/nx-plugin.js (written by the root postinstall,
// scripts/link-nx-plugin.js, so that Nx loads it as it is instead of first scanning the workspace for a
// project that owns it): plain JavaScript, so Nx loads it without a TypeScript transpiler and without
// the live-run code.
// Every Nx command (a cached `nx run-many -t test` too) loads it; only a run that includes
// test-live needs the hooks (src/live-run/hooks.ts), which are then compiled on load
// (tools/register-sources.js). hooks.ts decides exactly what a live run is; this is a cheap pre-filter.
const mayBeLiveRun = (context) => context.argv.some((arg) => arg.includes('test-live'));

let hooks;
function liveRunHooks() {
  if (!hooks) {
    require('../register-sources');
    hooks = require('./src/live-run/hooks.ts');
  }
  return hooks;
}

exports.name = '@boards/tools';
exports.preTasksExecution = (options, context) => (mayBeLiveRun(context) ? liveRunHooks().preTasksExecution(options, context) : undefined);
exports.postTasksExecution = (options, context) => (mayBeLiveRun(context) ? liveRunHooks().postTasksExecution(options, context) : undefined);

// Targets are inferred from the files a project has, as Nx's own plugins infer theirs, so a
// project.json declares no empty target: `jest.config.js` -> test; a `*.live.test.ts` -> test-live
// (so a generator package gets its paid target by having a live test); a `*.integration.test.ts`
// -> test-integration; `tsconfig.json` -> typecheck; `tsconfig.lib.json` -> build; every project
// -> lint. What each target runs (command, inputs, cache, the emulator configuration) is in
// nx.json's targetDefaults. Cheap on purpose: every Nx command computes the graph with it.
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');

const INFERRED_FROM = '{libs,packages,tools}/**/{project.json,jest.config.js,tsconfig.json,tsconfig.lib.json,*.live.test.ts,*.integration.test.ts}';

function projectRootOf(file, workspaceRoot) {
  for (let dir = dirname(file); dir !== '.' && dir !== ''; dir = dirname(dir)) {
    if (existsSync(join(workspaceRoot, dir, 'project.json'))) return dir;
  }
  return undefined;
}

function targetFor(file) {
  if (file.endsWith('.live.test.ts')) return 'test-live';
  if (file.endsWith('.integration.test.ts')) return 'test-integration';
  const base = file.slice(file.lastIndexOf('/') + 1);
  return { 'project.json': 'lint', 'jest.config.js': 'test', 'tsconfig.json': 'typecheck', 'tsconfig.lib.json': 'build' }[base];
}

exports.createNodesV2 = [
  INFERRED_FROM,
  (files, _options, context) => {
    const targets = new Map();
    for (const file of files) {
      if (file.includes('/node_modules/') || file.includes('/dist/') || file.includes('/files/')) continue;
      const root = projectRootOf(file, context.workspaceRoot);
      const target = root && targetFor(file);
      if (!target) continue;
      // A config file of a nested folder (a fixture's jest.config.js) is not the project's own.
      if (!target.startsWith('test-') && dirname(file) !== root) continue;
      if (!targets.has(root)) targets.set(root, {});
      targets.get(root)[target] = {};
    }
    return [...targets].map(([root, found]) => [join(root, 'project.json'), { projects: { [root]: { targets: found } } }]);
  },
];
