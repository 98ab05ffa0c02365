// Shared jest configuration. The tier is chosen by the Nx target, never by memory:
//   `test`      -> BOARDS_TEST_TIER=unit: *.test.ts except *.live.test.ts, no network.
//   `test-live` -> BOARDS_TEST_TIER=live: only *.live.test.ts (they spend money unless -c emulator).
//   `test-integration` -> BOARDS_TEST_TIER=integration: only *.integration.test.ts, which need a real
//   service or whole processes (redis-server, Chromium, a real `nx` run): never part of `npm test`.
const path = require('node:path');

// In the workspace `@boards/*` libs resolve to their sources (tsconfig.base.json "paths"), so tests
// need no build; the published packages resolve to dist/ through their package.json "exports".
const sourcePaths = require('./tsconfig.base.json').compilerOptions.paths;
// A wildcard path (`@boards/provider-*`, one adapter per folder) maps its `*` through to the file.
const moduleNameMapper = Object.fromEntries(
  Object.entries(sourcePaths).map(([name, [file]]) => [
    `^${name.replace(/[/.]/g, '\\$&').replace('*', '([^/]+)')}$`,
    path.join(__dirname, file.replace('*', '$1')),
  ]),
);

// zod's locale index loads every locale up front; tests get one that loads each on first use
// (tools/jest-zod-locales.js). Only zod's entries require this path.
moduleNameMapper['^\\.\\./locales/index\\.cjs$'] = path.join(__dirname, 'tools/jest-zod-locales.js');

const swc = [path.join(__dirname, 'tools/jest-swc.js'), require('./tools/swc-options')];

// Options jest takes only for a whole run, not from one project of a multi-project run.
const RUN_OPTIONS = ['maxWorkers', 'watchman'];
const withoutRunOptions = (overrides) => Object.fromEntries(Object.entries(overrides).filter(([key]) => !RUN_OPTIONS.includes(key)));

/** @returns {import('jest').Config} */
module.exports = function boardsJestConfig(projectDir, overrides = {}) {
  const tier = process.env.BOARDS_TEST_TIER;
  const live = tier === 'live';
  const integration = tier === 'integration';
  const manyProjects = process.env.BOARDS_JEST_MANY_PROJECTS === '1';
  return {
    displayName: path.basename(projectDir),
    // jest names its transform cache after the config's id; its default id hashes the project and
    // its place in the run, so every project (and every set of projects run together) compiled the
    // shared libs again. One id: a libs/* file compiled once serves every project (the transform's
    // cache key is the file, its source and the options: tools/jest-swc.js). Nothing else here
    // depends on it: the module map, keyed by it in a worker, is empty (no haste modules, no
    // __mocks__), and the haste map's cache is named after each project's rootDir too.
    id: 'boards',
    rootDir: projectDir,
    testEnvironment: path.join(__dirname, 'tools/jest-environment.js'),
    // Nx's own loading of the workspace-root .env is undone: @boards/config is the one .env loader.
    setupFiles: [path.join(__dirname, 'libs/testing/nx-dotenv.js')],
    // No watchman on these machines: jest would try to start it first. A run of many projects in one
    // jest (the `test` executor's batch, tools/plugin/executors/jest) sets it, and the workers,
    // for the whole run: jest accepts neither in one project's config then.
    ...(manyProjects ? {} : { watchman: false }),
    transform: { '^.+\\.(t|j)s$': swc },
    runtime: path.join(__dirname, 'tools/jest-runtime.js'),
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper,
    testMatch: live
      ? ['<rootDir>/src/**/*.live.test.ts']
      : integration
        ? ['<rootDir>/src/**/*.integration.test.ts']
        : ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.spec.ts'],
    testPathIgnorePatterns: live || integration ? ['/node_modules/'] : ['/node_modules/', '\\.(live|integration)\\.test\\.ts$'],
    testTimeout: live ? 300_000 : integration ? 120_000 : 20_000,
    // The live tier's environment catches stop signals outside the test sandbox, so a stopped run cancels its provider jobs.
    ...(live
      ? {
          verbose: true,
          testEnvironment: path.join(__dirname, 'libs/testing/live-environment.js'),
          reporters: ['default', path.join(__dirname, 'libs/testing/live-reporter.js')],
        }
      : {}),
    ...(manyProjects ? withoutRunOptions(overrides) : overrides),
  };
};
