#!/usr/bin/env node
// `boards-emulator`: the provider emulator as a service. Runs the built package (dist/); inside the
// monorepo, where dist/ may not be built, it runs the sources through the workspace's loader.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

function loadService() {
  try {
    return require('../dist/index.js');
  } catch (error) {
    if (!error || error.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  }
  const workspaceLoader = join(__dirname, '../../../tools/register-sources.js');
  if (existsSync(workspaceLoader) && existsSync(join(__dirname, '../src/index.ts'))) {
    require(workspaceLoader);
    return require('../src/index.ts');
  }
  process.stderr.write('boards-emulator: dist/ is missing; build the package first (npx nx build emulator)\n');
  process.exit(1);
}

const service = loadService();
// Whatever holds the event loop open after a stop (a client's keep-alive socket), exit within 5 s.
const FORCE_EXIT_MS = 5000;
service.runEmulatorService(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    setTimeout(() => process.exit(code), FORCE_EXIT_MS).unref();
  },
  (error) => {
    process.stderr.write(`boards-emulator: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
