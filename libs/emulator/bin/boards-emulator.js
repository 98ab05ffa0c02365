#!/usr/bin/env node
// `boards-emulator`: the provider emulator as a service. Runs the built package (dist/); in the
// monorepo run `npx nx build emulator` first.
let service;
try {
  service = require('../dist/index.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('boards-emulator: dist/ is missing; build the package first (npx nx build emulator)\n');
    process.exit(1);
  }
  throw error;
}
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
