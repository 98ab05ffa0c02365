import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import jsoncParser from 'jsonc-eslint-parser';

/** The layers of DESIGN.md as `@nx/enforce-module-boundaries` constraints; `testExtras` adds what tests of a layer may use besides. */
const layers = (testExtras = {}) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'layer:contract', onlyDependOnLibsWithTags: ['layer:contract', ...(testExtras.contract ?? [])] },
      { sourceTag: 'layer:infra', onlyDependOnLibsWithTags: ['layer:contract', 'layer:infra'] },
      { sourceTag: 'layer:emulator', onlyDependOnLibsWithTags: [] },
      { sourceTag: 'layer:testing', onlyDependOnLibsWithTags: ['layer:contract', 'layer:infra', 'layer:emulator', 'layer:testing'] },
      { sourceTag: 'layer:adapter', onlyDependOnLibsWithTags: ['layer:contract', 'layer:infra', 'layer:testing'] },
      { sourceTag: 'layer:generator', onlyDependOnLibsWithTags: ['layer:contract', 'layer:infra', 'layer:adapter', 'layer:testing'] },
      {
        sourceTag: 'layer:tool',
        onlyDependOnLibsWithTags: ['layer:contract', 'layer:infra', 'layer:emulator', 'layer:testing', 'layer:adapter', 'layer:generator', 'layer:tool'],
      },
    ],
  },
];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/files/**/*.template', '**/__fixtures__/**'] },
  ...tseslint.configs.recommended,
  // JavaScript is linted too (bins, the jest environment and reporter, scripts, the published .mjs
  // consumer): CommonJS files may require, and Node's globals are there.
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }] },
  },
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      // The layers of DESIGN.md, one tag each (project.json): contract (core) <- infrastructure (config,
      // cost, storage) <- adapters (libs/providers/*) <- generators (packages/*); the emulator imports
      // nothing of this repository; testing sits beside the adapters; tools sit on top. No lib imports a
      // generator. tools/reliability/src/layers.test.ts proves each rule with a planted import.
      '@nx/enforce-module-boundaries': layers(),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  // Each package's declared dependencies stay true to what its production code imports (nothing
  // declared and unused, nothing used and undeclared); tests and fixtures are not production.
  {
    files: ['**/package.json'],
    languageOptions: { parser: jsoncParser },
    plugins: { '@nx': nx },
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          buildTargets: ['build'],
          checkMissingDependencies: true,
          checkObsoleteDependencies: true,
          checkVersionMismatches: false,
          // @boards/testing/nx-dotenv parses .env with Nx's own dotenv, resolved from the nx install (an optional
          // peer); @boards/testing uses jest's globals (describe, it), which no import shows (a peer dependency).
          ignoredDependencies: ['dotenv', 'dotenv-expand', 'jest'],
          ignoredFiles: [
            '{projectRoot}/**/*.test.ts',
            '{projectRoot}/**/*.spec.ts',
            '{projectRoot}/**/__fixtures__/**',
            '{projectRoot}/jest.config.js',
            '{projectRoot}/test-support/**',
            // An adapter's scaffold/ (starter fragments, the snapshot seeder) serves nx g in the workspace; it never ships.
            '{projectRoot}/scaffold/**',
          ],
        },
      ],
    },
  },
  // Adapter and generator source is what users install: the test kit (emulator, fixtures, conformance
  // suite) is for their tests only (*.test.ts, __fixtures__, test-support/), never for what ships.
  {
    files: ['libs/providers/*/src/**/*.ts', 'packages/*/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@boards/testing', message: 'test kit: import it from tests (*.test.ts) only, not from adapter or generator source' }],
          patterns: [{ group: ['@boards/testing/*'], message: 'test kit: import it from tests (*.test.ts) only, not from adapter or generator source' }],
        },
      ],
    },
  },
  // The CLI reads the generator catalogue from its library (@boards/catalogue), not from the Nx plugin.
  {
    files: ['tools/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@boards/tools', message: 'the CLI does not depend on the Nx plugin: import the catalogue from @boards/catalogue' }],
          patterns: [{ group: ['@boards/tools/*'], message: 'the CLI does not depend on the Nx plugin: import the catalogue from @boards/catalogue' }],
        },
      ],
    },
  },
  // Core's media tests take well-formed samples from the emulator's encoders (a test-only import).
  { files: ['**/*.test.ts'], rules: { '@nx/enforce-module-boundaries': layers({ contract: ['layer:emulator'] }) } },
];
