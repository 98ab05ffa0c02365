#!/usr/bin/env node
// The `boards` command. Sources are TypeScript; @swc-node/register compiles them on load (../../register-sources.js).
require('../../register-sources');
require('../src/main.ts');
