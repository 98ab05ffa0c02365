#!/usr/bin/env node
// Prints, for every cached target of every project, the external (npm) packages its Nx task hash
// reads, as JSON: {"<project>:<target>": ["npm:jest", ...]}. "AllExternalDependencies" in a list
// means the target declares no externalDependencies, so any lock-file change invalidates its cache.
// Run from the workspace root: `node tools/plugin/scripts/task-inputs.js`.
const { createProjectGraphAsync } = require('@nx/devkit');
const { HashPlanInspector } = require('nx/src/hasher/hash-plan-inspector');

async function main() {
  const graph = await createProjectGraphAsync({ exitOnError: true });
  const inspector = new HashPlanInspector(graph);
  await inspector.init();
  const plans = {};
  for (const [project, node] of Object.entries(graph.nodes).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [target, config] of Object.entries(node.data.targets ?? {})) {
      if (!config.cache) continue;
      const id = `${project}:${target}`;
      plans[id] = inspector.inspectTaskInputs({ project, target }, {}, {}, true)[id].external;
    }
  }
  process.stdout.write(`${JSON.stringify(plans, null, 2)}\n`);
}

main().catch((error) => {
  process.stderr.write(`task-inputs: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
