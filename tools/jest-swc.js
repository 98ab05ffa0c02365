// jest transform: @swc/jest, loaded only when a file is actually transformed. @swc/jest loads
// @swc/core's native binding as soon as it is required (~50 ms per jest process); when every file
// comes from jest's transform cache (the usual re-run), nothing needs it.
//
// The cache key is what the output depends on: both versions, the options, the file (its path and
// source) and whether jest wants ES modules or instrumented code. Not the project's whole jest
// config (as @swc/jest's key and jest's default have it): every project shares jest.preset.js's
// transform, so a libs/* file one project compiled is a cache hit for the next, and for the other
// test tiers.
const { createHash } = require('node:crypto');

const versions = [require('@swc/core/package.json').version, require('@swc/jest/package.json').version];

module.exports = {
  createTransformer(options = {}) {
    let swc;
    const transformer = () => (swc ??= require('@swc/jest').createTransformer(options));
    const base = JSON.stringify([...versions, options]);
    return {
      canInstrument: false,
      getCacheKey: (src, filename, transformOptions) =>
        [base, src, filename, transformOptions.instrument ? 'instrument' : '', transformOptions.supportsStaticESM ? 'esm' : 'cjs']
          .reduce((hash, part) => hash.update(part).update('\0'), createHash('sha1'))
          .digest('hex'),
      process: (src, filename, transformOptions) => transformer().process(src, filename, transformOptions),
      processAsync: (src, filename, transformOptions) => transformer().processAsync(src, filename, transformOptions),
    };
  },
};
