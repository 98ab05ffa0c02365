// The `test` target's executor (nx.json targetDefaults names it through node_modules/.boards, written
// by scripts/link-nx-plugin.js). Plain JavaScript, so Nx loads it without a TypeScript transpiler.
//
// Nx runs every `test` task of a command through `batch` (executors.json: `preferBatch`), so
// `nx run-many -t test` starts one jest for all the projects it has to run instead of one per
// project: jest, the SWC transform, the emulator, the provider SDKs and zod are loaded once per
// process, not once per project. Each project still has its own task: Nx hashes and caches it
// alone (a cached project is not in the batch), and gets back its own pass/fail, its own output
// (jest's PASS/FAIL headers, failures and summary for that project's files only) and its own
// timing. `nx run-many -t test --batch=false` (or NX_BATCH_MODE=false) runs the per-project
// `executor` instead: the same jest run for one project.
//
// The tier stays the target's: the task's `env` (BOARDS_TEST_TIER=unit) is set before jest reads
// the project configs (jest.preset.js picks the test files by it), and tasks with a different env
// or jest options run in a jest run of their own. Like Nx starting a task's own process with the
// task's env, this launcher is an edge: it writes process.env (the task's env, restored after each
// group, since jest's workers inherit the environment of the process that starts them), which no
// library or tool under src/ does; so it lives beside src/, with the plugin's other entry points.
const path = require('node:path');

/** Jest options a task may pass (`nx test flux-pro -- --verbose`); everything else is the project's. */
const PASSED_TO_JEST = ['verbose', 'testNamePattern', 'updateSnapshot', 'ci', 'bail', 'silent', 'coverage', 'maxWorkers', 'runInBand'];

function fromJest(root, name) {
  const jestDir = path.dirname(require.resolve('jest/package.json', { paths: [root] }));
  return require(require.resolve(name, { paths: [jestDir, root] }));
}

function jestArgv(options) {
  const argv = { $0: 'jest', _: [], passWithNoTests: true, watchman: false, reporters: [path.join(__dirname, 'quiet-reporter.js')] };
  for (const key of PASSED_TO_JEST) if (options[key] !== undefined) argv[key] = options[key];
  const patterns = [...(options._ ?? []), ...[options.testPathPatterns ?? []].flat()].map(String);
  if (patterns.length > 0) argv.testPathPatterns = patterns;
  return argv;
}

// The workers a run needs: the largest `maxWorkers` one of its project configs asks for (the
// suites that mostly wait on child processes set it, tools/jest-workers.js); jest's own default
// otherwise, which runs a handful of quick files in band.
// Read before jest reads the configs for the run, and forgotten again, so jest reads them afresh.
function maxWorkersOf(configs) {
  let most;
  for (const file of configs) {
    const asked = require(file).maxWorkers;
    delete require.cache[require.resolve(file)];
    if (typeof asked === 'number' && (most === undefined || asked > most)) most = asked;
  }
  return most;
}

function projectOf(file, projects) {
  let best;
  for (const project of projects) {
    if (file.startsWith(project.root + path.sep) && (!best || project.root.length > best.root.length)) best = project;
  }
  return best;
}

function verboseLines(result, formatTime) {
  const icon = { passed: '✓', failed: '✕', pending: '○', skipped: '○', todo: '✎' };
  return result.testResults.map((test) => {
    const time = test.duration ? ` (${formatTime(Math.round(test.duration))})` : '';
    const name = [...test.ancestorTitles, test.title].join(' › ');
    return `  ${icon[test.status] ?? test.status} ${test.status === 'todo' ? `todo ${name}` : name}${time}`;
  });
}

function consoleLines(result) {
  return (result.console ?? []).map((entry) => `  console.${entry.type}: ${entry.message}`);
}

/** One project's output, as jest prints it for a run of that project alone. */
function projectOutput(project, results, run, options) {
  const { utils } = fromJest(run.root, '@jest/reporters');
  const { makeEmptyAggregatedTestResult, addResult } = fromJest(run.root, '@jest/test-result');
  const { formatTime } = fromJest(run.root, 'jest-util');
  const aggregated = makeEmptyAggregatedTestResult();
  aggregated.startTime = results.length ? Math.min(...results.map((result) => result.perfStats.start)) : run.startTime;
  // Paths as a run of this project alone prints them: relative to the project.
  const globalConfig = { ...run.globalConfig, rootDir: project.root };
  aggregated.numTotalTestSuites = results.length;
  const lines = [];
  for (const result of results) {
    addResult(aggregated, result);
    lines.push(utils.getResultHeader(result, globalConfig));
    if (options.verbose) lines.push(...verboseLines(result, formatTime));
    if (!options.silent) lines.push(...consoleLines(result));
    if (result.failureMessage) lines.push(result.failureMessage);
    else if (result.testExecError) lines.push(`  ${result.testExecError.message}`);
  }
  if (results.length === 0) lines.push(`No tests found in ${project.name} (${path.relative(run.root, project.root)})`);
  lines.push(utils.getSummary(aggregated, { roundTime: false }), '');
  return lines.join('\n');
}

/**
 * Runs the projects' tests in one jest run and returns each project's result.
 * @param {{id: string, name: string, root: string, config: string}[]} projects
 */
async function runProjects(projects, options, root) {
  const saved = { ...process.env };
  try {
    return await runWithEnv(projects, options, root);
  } finally {
    // The next group of the batch starts from the environment Nx gave the batch, not this one's tier.
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

async function runWithEnv(projects, options, root) {
  Object.assign(process.env, options.env ?? {});
  const configs = projects.map((project) => project.config);
  const argv = jestArgv(options);
  if (argv.maxWorkers === undefined && !argv.runInBand) {
    const workers = maxWorkersOf(configs);
    if (workers !== undefined) argv.maxWorkers = workers;
  }
  // jest.preset.js then leaves the run-wide options (workers, watchman) to this run's argv.
  if (configs.length > 1) process.env.BOARDS_JEST_MANY_PROJECTS = '1';
  else delete process.env.BOARDS_JEST_MANY_PROJECTS;
  const startTime = Date.now();
  const results = new Map(projects.map((project) => [project.id, []]));
  let run;
  try {
    run = await fromJest(root, 'jest').runCLI(argv, configs);
  } catch (error) {
    const message = `jest could not run ${projects.map((project) => project.name).join(', ')}: ${error?.stack ?? error}\n`;
    return new Map(projects.map((project) => [project.id, { success: false, terminalOutput: message, startTime, endTime: Date.now() }]));
  }
  for (const result of run.results.testResults) {
    const project = projectOf(result.testFilePath, projects);
    if (project) results.get(project.id).push(result);
  }
  const context = { root, startTime, globalConfig: run.globalConfig };
  const outcome = new Map();
  for (const project of projects) {
    const own = results.get(project.id).sort((a, b) => a.testFilePath.localeCompare(b.testFilePath));
    const failed = own.some((result) => result.numFailingTests > 0 || result.testExecError);
    const empty = own.length === 0 && !options.passWithNoTests;
    outcome.set(project.id, {
      success: !failed && !empty,
      terminalOutput: projectOutput(project, own, context, options),
      startTime: own.length ? Math.min(...own.map((result) => result.perfStats.start)) : startTime,
      endTime: own.length ? Math.max(...own.map((result) => result.perfStats.end)) : Date.now(),
    });
  }
  return outcome;
}

function projectFor(taskId, projectName, options, context) {
  const projectRoot = context.projectGraph.nodes[projectName].data.root;
  const root = path.join(context.root, projectRoot);
  return { id: taskId, name: projectName, root, config: path.join(root, options.jestConfig ?? 'jest.config.js') };
}

/** Nx's per-task entry (`--batch=false`): one project's jest run, its output printed. */
async function jestExecutor(options, context) {
  const project = projectFor(context.projectName, context.projectName, options, context);
  const [result] = (await runProjects([project], options, context.root)).values();
  process.stdout.write(result.terminalOutput);
  return { success: result.success };
}

/**
 * Nx's batch entry: every task of the batch in as few jest runs as their options allow (one, for
 * `nx run-many -t test`), each task's result yielded as its own.
 */
async function* batch(taskGraph, inputs, _overrides, context) {
  const groups = new Map();
  for (const [taskId, options] of Object.entries(inputs)) {
    const { jestConfig: _config, ...shared } = options;
    const key = JSON.stringify(shared);
    if (!groups.has(key)) groups.set(key, { options, projects: [] });
    groups.get(key).projects.push(projectFor(taskId, taskGraph.tasks[taskId].target.project, options, context));
  }
  for (const { options, projects } of groups.values()) {
    const outcome = await runProjects(projects, options, context.root);
    for (const [task, result] of outcome) yield { task, result };
  }
}

module.exports = jestExecutor;
module.exports.default = jestExecutor;
module.exports.batch = batch;
