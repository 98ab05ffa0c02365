#!/usr/bin/env node
// The `boards` command. Sources are TypeScript; @swc-node/register compiles them on load.
require('@swc-node/register');
require('../src/main.ts');
