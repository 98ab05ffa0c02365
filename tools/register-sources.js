// Runs the workspace's TypeScript under Node without a build: `.ts` files are compiled on load by
// @swc/core with the options jest uses (tools/swc-options.js: TypeScript to CommonJS, ES2022), and
// `@boards/*` libs resolve to their sources through tsconfig.base.json "paths", as in jest and tsc.
// (The published packages resolve to dist/ through "exports".)
//
// Why not @swc-node/register: it loads the TypeScript compiler to read a tsconfig (~350 ms of every
// `boards` start, and it reads whichever tsconfig.json the current directory has). Here the compiled
// output is cached on disk by content, so a start whose sources have not changed loads no compiler
// at all: the native swc binding is required only when a file is actually compiled.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

require('tsconfig-paths').register({
  baseUrl: root,
  paths: require('../tsconfig.base.json').compilerOptions.paths,
  addMatchAll: false,
});

const SWC_OPTIONS = require('./swc-options');
const cacheDir = path.join(root, 'node_modules', '.cache', 'boards-register');
const salt = `${require('@swc/core/package.json').version}\n${JSON.stringify(SWC_OPTIONS)}\n`;
let swc;

/** The CommonJS of one TypeScript file: from the cache when this exact source was compiled before. */
function compile(source, filename) {
  const key = createHash('sha256').update(salt).update(filename).update('\n').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // Not compiled yet.
  }
  swc ??= require('@swc/core');
  const { code } = swc.transformSync(source, { ...SWC_OPTIONS, filename });
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed: a process starting at the same time never reads half a file.
    const partial = `${cached}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, cached);
  } catch {
    // A read-only checkout still runs; it compiles on every start.
  }
  return code;
}

if (!require.extensions['.ts']) {
  // Stack traces point into the TypeScript sources (the inline source maps).
  process.setSourceMapsEnabled(true);
  require.extensions['.ts'] = function loadTypeScript(module, filename) {
    module._compile(compile(readFileSync(filename, 'utf8'), filename), filename);
  };
}
