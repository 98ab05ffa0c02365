// One .env loader: the project's. Inside an Nx task, Nx itself has already loaded the workspace-root
// `.env` into the task's environment with dotenv + dotenv-expand, which reads keys differently from the
// documented rules (`FAL_KEY=id:sec$ret#x` arrives as `id:sec`: `#` starts a comment, `$ret` expands to
// nothing), injects lines the project's parser refuses, and would put that file above
// BOARDS_GENERATOR_API_KEYS although the documented precedence is environment > BOARDS_GENERATOR_API_KEYS
// > .env. It would also hand a developer's real keys to the unit tests.
//
// Run before each test file (jest `setupFiles`): every variable whose value is exactly what Nx's own
// loader makes of that `.env` is taken back out of the test's environment, the way Nx unloads its
// init-time `.env` (same parse, same comparison), so that what remains is the real environment and
// `@boards/config` reads `.env` itself, with its own parser, at the precedence it documents.
// Outside an Nx task (plain jest, `npx boards`) nothing was injected and nothing is touched.
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

function nxDotenvValues(file) {
  const nxDir = path.dirname(require.resolve('nx/package.json'));
  const dotenv = require(require.resolve('dotenv', { paths: [nxDir] }));
  const { expand } = require(require.resolve('dotenv-expand', { paths: [nxDir] }));
  const parsed = dotenv.parse(readFileSync(file));
  const values = {};
  expand({ parsed, processEnv: values });
  return values;
}

/**
 * Takes out of `env` every variable whose value is exactly what Nx's loader makes of `file`.
 * Returns the names taken out.
 */
function undoNxDotenv(env, file) {
  if (!existsSync(file)) return [];
  const undone = [];
  for (const [name, value] of Object.entries(nxDotenvValues(file))) {
    if (env[name] === value) {
      delete env[name];
      undone.push(name);
    }
  }
  return undone;
}

/** The workspace root: the nearest folder above `start` whose package.json declares workspaces. */
function workspaceRootOf(start) {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    try {
      if (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).workspaces !== undefined) return dir;
    } catch {
      // no package.json here
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

if (process.env.NX_TASK_TARGET_PROJECT) {
  const root = workspaceRootOf(process.cwd());
  if (root) undoNxDotenv(process.env, path.join(root, '.env'));
}

module.exports = { undoNxDotenv, nxDotenvValues };
