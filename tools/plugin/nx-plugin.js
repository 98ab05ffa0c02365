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
