// jest's module runtime (jest.preset.js `runtime`), with V8's code cache kept in memory for the
// process and on disk for the next processes.
//
// jest gives every test file its own module registry, so each file compiles its modules again:
// zod, the provider SDKs, fast-check, the emulator and the conformance suite are parsed, and their
// functions compiled as they are first called, once per test file and once per jest process. Here
// a module compiled again starts from V8's code cache of an earlier compile, taken after that copy
// ran (so it holds the functions that copy compiled, not just the top level): from memory within a
// process (the `test` executor's batch runs many projects' files in one), and from jest's cache
// directory across processes (`nx test flux-pro` after any earlier run). Each test file still runs
// its own fresh copy of every module in its own sandbox: nothing is shared between files but
// compiled code, so isolation is as before. An entry is keyed by file and source; V8 refuses a
// cache made by another Node version or other flags, and the module is then compiled as usual.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const vm = require('node:vm');
const Runtime = require('jest-runtime').default;

// The wrapper jest itself used around a module before `vm.compileFunction` (a Script, unlike a
// compiled function, can give its code cache after it ran).
const WRAPPER_KEY = 'Object.<anonymous>';

/** filename -> { source, key, script (until its cache is taken), data, saved } */
const compiled = new Map();

const keyOf = (filename, source) => createHash('sha1').update(filename).update('\0').update(source).digest('hex');

function fromDisk(dir, key) {
  try {
    return readFileSync(join(dir, key));
  } catch {
    return undefined;
  }
}

/** Writes the entries of this process not yet on disk (once each; a failed write only costs the next process a compile). */
function saveAll(dir) {
  for (const known of compiled.values()) {
    if (known.saved) continue;
    known.saved = true;
    try {
      const data = cacheOf(known);
      mkdirSync(dir, { recursive: true });
      const temporary = join(dir, `${known.key}.${process.pid}`);
      writeFileSync(temporary, data);
      renameSync(temporary, join(dir, known.key));
    } catch {
      // Read-only or full cache directory: the cache is an optimisation.
    }
  }
}

function cacheOf(known) {
  if (known.script) {
    known.data = known.script.createCachedData();
    known.script = undefined;
  }
  return known.data;
}

function cachedCompile(executor, compile, source, filename, dir) {
  const context = executor.environment.getVmContext();
  if (context == null || executor.resolution.isCoreModule(filename)) return compile(source, filename);
  let known = compiled.get(filename);
  if (known?.source !== source) known = undefined;
  let cachedData = known ? cacheOf(known) : undefined;
  const key = known?.key ?? keyOf(filename, source);
  const onDisk = known ? undefined : fromDisk(dir, key);
  cachedData ??= onDisk;
  let script;
  try {
    script = new vm.Script(`({"${WRAPPER_KEY}":function(${executor.injectedModuleParameters.join(',')}){${source}\n}});`, {
      filename,
      cachedData,
      importModuleDynamically: async (specifier, _script, importAttributes, ...rest) => {
        if (typeof vm.SyntheticModule !== 'function') {
          throw new Error('You need to run with a version of node that supports ES Modules in the VM API. See https://jestjs.io/docs/ecmascript-modules');
        }
        return executor.dynamicImport(specifier, filename, context, importAttributes, rest[0]);
      },
    });
  } catch {
    // jest's own compile reports a syntax error as it always does.
    return compile(source, filename);
  }
  if (cachedData === undefined || script.cachedDataRejected) compiled.set(filename, { source, key, script, saved: false });
  else if (onDisk) compiled.set(filename, { source, key, data: onDisk, saved: true });
  return script.runInContext(context)[WRAPPER_KEY];
}

module.exports = class CodeCachingRuntime extends Runtime {
  constructor(config, ...rest) {
    super(config, ...rest);
    this.codeCacheDir = join(config.cacheDirectory, `v8-code-cache-${process.version}-${process.arch}`);
    const executor = this.executor;
    if (executor && typeof executor.compile === 'function') {
      const compile = executor.compile.bind(executor);
      executor.compile = (source, filename) => cachedCompile(executor, compile, source, filename, this.codeCacheDir);
    }
  }

  // After each test file: what its modules compiled is written for the next processes.
  teardown() {
    saveAll(this.codeCacheDir);
    return super.teardown();
  }
};
