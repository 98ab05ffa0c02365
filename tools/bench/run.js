#!/usr/bin/env node
// `npm run bench`: measures the test rig and the adapters on this machine and writes
// BENCHMARKS.md at the repository root. Sources are TypeScript; @swc-node/register compiles them.
require('../register-sources');
require('./src/main.ts')
  .main()
  .then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
