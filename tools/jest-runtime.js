// jest's module runtime (jest.preset.js `runtime`), with V8's code cache kept for the process.
//
// jest gives every test file its own module registry, so each file compiles its modules again:
// zod, the provider SDKs, fast-check, the emulator and the conformance suite are parsed, and their
// functions compiled as they are first called, once per test file. When one jest runs many
// projects' files (the `test` executor's batch), that is most of what one more file costs beyond
// its own tests. Here a module compiled a second time in a process starts from V8's code cache of
// its first compile, taken after that first copy ran (so it holds the functions that copy
// compiled, not just the top level). Each test file still runs its own fresh copy of every module
// in its own sandbox: nothing is shared between files but compiled code, so isolation is as
// before. The cache lives in memory, per jest process (or worker), keyed by file and source.
const vm = require('node:vm');
const Runtime = require('jest-runtime').default;

// The wrapper jest itself used around a module before `vm.compileFunction` (a Script, unlike a
// compiled function, can give its code cache after it ran).
const WRAPPER_KEY = 'Object.<anonymous>';

/** filename -> { source, script (until its cache is taken), data } */
const compiled = new Map();

function cacheOf(known) {
  if (known.script) {
    known.data = known.script.createCachedData();
    known.script = undefined;
  }
  return known.data;
}

function cachedCompile(executor, compile, source, filename) {
  const context = executor.environment.getVmContext();
  if (context == null || executor.resolution.isCoreModule(filename)) return compile(source, filename);
  const known = compiled.get(filename);
  const cachedData = known?.source === source ? cacheOf(known) : undefined;
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
  if (cachedData === undefined || script.cachedDataRejected) compiled.set(filename, { source, script });
  return script.runInContext(context)[WRAPPER_KEY];
}

module.exports = class CodeCachingRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    const executor = this.executor;
    if (executor && typeof executor.compile === 'function') {
      const compile = executor.compile.bind(executor);
      executor.compile = (source, filename) => cachedCompile(executor, compile, source, filename);
    }
  }
};
