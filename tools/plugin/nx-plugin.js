// The entry nx.json loads ("plugins": ["./tools/plugin/nx-plugin.js"]): plain JavaScript, so Nx's
// plugin worker starts without a TypeScript transpiler and without loading the live-run code.
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
