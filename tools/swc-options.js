// How the workspace compiles its TypeScript when it runs it without a build: jest's transform
// (jest.preset.js, through tools/jest-swc.js) and Node's loader for the CLI and scripts
// (tools/register-sources.js) use these same @swc/core options: TypeScript to CommonJS, ES2022.
module.exports = {
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
