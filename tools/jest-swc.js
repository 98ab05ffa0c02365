// jest transform: @swc/jest, loaded only when a file is actually transformed. @swc/jest loads
// @swc/core's native binding as soon as it is required (~50 ms per jest process); when every file
// comes from jest's transform cache (the usual re-run), nothing needs it. The cache key carries the
// same facts @swc/jest's does (both versions, the options, the file and jest's config).
const createCacheKey = require('@jest/create-cache-key-function').default;

const versions = [require('@swc/core/package.json').version, require('@swc/jest/package.json').version];

module.exports = {
  createTransformer(options = {}) {
    let swc;
    const transformer = () => (swc ??= require('@swc/jest').createTransformer(options));
    const cacheKey = createCacheKey([], [...versions, JSON.stringify(options)]);
    return {
      canInstrument: false,
      getCacheKey: (src, filename, transformOptions) => `${cacheKey(src, filename, transformOptions)}:${transformOptions.supportsStaticESM ? 'esm' : 'cjs'}`,
      process: (src, filename, transformOptions) => transformer().process(src, filename, transformOptions),
      processAsync: (src, filename, transformOptions) => transformer().processAsync(src, filename, transformOptions),
    };
  },
};
