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

// jest keeps, per project and for the whole process, every module it has read or transformed
// (the ScriptTransformer's `transformedFiles`: source text and output). In a run of many projects
// (the `test` executor's batch) each project held its own copy of the same libs, SDKs and zod: about
// 7 MB a project, never freed, so the heap and the garbage collector's work grew with every
// generator. Every project here has the same transform (jest.preset.js) and the output depends only
// on the file, its modification time and the transform (tools/jest-swc.js), so projects with the
// same transform settings share one map: a file read or transformed for one project is reused by
// the next, kept once.
/** transform settings -> the one `transformedFiles` map of the projects that have them */
const sharedTransforms = new Map();

function shareTransformedFiles(config, transformer) {
  const cache = transformer?._cache;
  if (!cache || !(cache.transformedFiles instanceof Map)) return;
  const key = JSON.stringify([config.id, config.cacheDirectory, config.transform, config.transformIgnorePatterns]);
  const files = sharedTransforms.get(key);
  if (files === undefined) sharedTransforms.set(key, cache.transformedFiles);
  else if (files !== cache.transformedFiles) {
    for (const [file, result] of cache.transformedFiles) files.set(file, result);
    cache.transformedFiles = files;
  }
}

// Every AsyncLocalStorage a test file creates (jest-circus makes one per file for its current test;
// libs/core and libs/testing have theirs) joins Node's process-wide list of stores once used, and
// leaves it only when disabled: every promise any later file creates then copies every store on the
// list. So the sandbox's `async_hooks` gives an AsyncLocalStorage that the file's runtime disables
// at teardown, when nothing of the file runs any more.
const asyncHooks = require('node:async_hooks');

function trackedAsyncHooks(created) {
  class FileAsyncLocalStorage extends asyncHooks.AsyncLocalStorage {
    constructor(...args) {
      super(...args);
      created.push(this);
    }
  }
  return Object.freeze({ ...asyncHooks, AsyncLocalStorage: FileAsyncLocalStorage });
}

/** Disables (and forgets) the stores of a file that has ended. */
function disableAll(created) {
  for (const storage of created.splice(0)) storage.disable();
}

module.exports = class CodeCachingRuntime extends Runtime {
  constructor(config, environment, resolver, transformer, ...rest) {
    super(config, environment, resolver, transformer, ...rest);
    shareTransformedFiles(config, transformer);
    this.asyncLocalStorages = [];
    const core = this.coreModule;
    if (core && typeof core.require === 'function') {
      const requireCore = core.require.bind(core);
      let hooks;
      core.require = (name) => (/^(node:)?async_hooks$/.test(name) ? (hooks ??= trackedAsyncHooks(this.asyncLocalStorages)) : requireCore(name));
    }
    this.codeCacheDir = join(config.cacheDirectory, `v8-code-cache-${process.version}-${process.arch}`);
    const executor = this.executor;
    if (executor && typeof executor.compile === 'function') {
      const compile = executor.compile.bind(executor);
      executor.compile = (source, filename) => cachedCompile(executor, compile, source, filename, this.codeCacheDir);
    }
  }

  // After each test file: what its modules compiled is written for the next processes.
  teardown() {
    disableAll(this.asyncLocalStorages);
    saveAll(this.codeCacheDir);
    return super.teardown();
  }
};

module.exports.trackedAsyncHooks = trackedAsyncHooks;
module.exports.disableAll = disableAll;
