#!/usr/bin/env node
// The `boards` command. Sources are TypeScript, compiled on load by @swc/core (../../register-sources.js, cached on disk).
require('../../register-sources');
require('../src/main.ts');
