// jest's module runtime (jest.preset.js `runtime`), with V8's code cache kept for the process.
//
// jest gives every test file its own module registry, so each file compiles its modules again:
// zod, the provider SDKs, fast-check, the emulator and the conformance suite are parsed once per
// test file (about 1.5 s of the generator suite's 7 s of CPU when one jest runs twelve generators'
// files). Here a module's first compile in a process also produces V8's code cache for it, and
// later compiles of the same file with the same transformed source start from that cache: the
// module still runs afresh in each test file's sandbox (nothing is shared but compiled code), so
// test isolation is as before. The cache lives in memory, per jest process (or worker).
const vm = require('node:vm');
const Runtime = require('jest-runtime').default;

const compiled = new Map();

function cachedCompile(executor, compile, source, filename) {
  const context = executor.environment.getVmContext();
  if (context == null || executor.resolution.isCoreModule(filename)) {
    return compile(source, filename);
  }
  const known = compiled.get(filename);
  const cachedData = known?.source === source ? known.data : undefined;
  let fn;
  try {
    fn = vm.compileFunction(source, executor.injectedModuleParameters, {
      filename,
      cachedData,
      produceCachedData: cachedData === undefined,
      importModuleDynamically: async (specifier, _function, importAttributes, ...rest) => {
        if (typeof vm.SyntheticModule !== 'function') {
          throw new Error('You need to run with a version of node that supports ES Modules in the VM API. See https://jestjs.io/docs/ecmascript-modules');
        }
        return executor.dynamicImport(specifier, filename, context, importAttributes, rest[0]);
      },
      parsingContext: context,
    });
  } catch {
    // jest's own compile turns a syntax error into its usual report.
    return compile(source, filename);
  }
  if (process.env.DBG_CC) require('fs').appendFileSync('/tmp/cc.log', `cc ${cachedData ? (fn.cachedDataRejected ? 'rejected' : 'hit') : 'miss'} ${filename}\n`);
  if (process.env.DBG_CC) process.stderr.write(`cc ${cachedData ? (fn.cachedDataRejected ? 'rejected' : 'hit') : 'miss'} ${filename}\n`);
  if (fn.cachedDataProduced) compiled.set(filename, { source, data: fn.cachedData });
  else if (fn.cachedDataRejected) compiled.delete(filename);
  return fn;
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
