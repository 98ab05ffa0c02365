#!/usr/bin/env node
// The `boards` command. Sources are TypeScript, compiled on load by @swc/core (../../register-sources.js, cached on disk).
// The oldest Node it runs on, checked before anything loads: the emulator's PNG writer needs zlib.crc32
// (20.15), the deadlines AbortSignal.any (20.3). Older versions would fail deep inside with "crc32 is not a function".
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 15) || major === 21 || (major === 22 && minor < 2)) {
  process.stderr.write(`boards: Node ${process.versions.node} is too old: it needs Node 20.15 or later (22.2 or later on 22)\n`);
  process.exit(1);
}
require('../../register-sources');
require('../src/main.ts');
