// Runs the workspace's TypeScript under Node without a build: @swc-node/register compiles the
// sources on load and `@boards/*` libs resolve to their sources through tsconfig.base.json
// "paths", as in jest and tsc. (The published packages resolve to dist/ through "exports".)
const path = require('node:path');

require('tsconfig-paths').register({
  baseUrl: path.join(__dirname, '..'),
  paths: require('../tsconfig.base.json').compilerOptions.paths,
  addMatchAll: false,
});
require('@swc-node/register');
