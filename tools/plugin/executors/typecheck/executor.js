// The `typecheck` target's executor (nx.json targetDefaults names it through node_modules/.boards, as
// the `test` executor). Plain JavaScript, so Nx loads it without a TypeScript transpiler.
//
// `tsc -p tsconfig.json --noEmit` in a project checks every file it reaches, and in this workspace
// @boards/* resolve to the libs' sources (tsconfig.base.json "paths"): each generator's typecheck
// type-checked core, testing, the emulator and the adapters again, about 8 s of CPU a project, most
// of a CI run at a hundred generators. Here a project's typecheck reports the diagnostics of its own
// files (its tsconfig's `include`), the files it reaches only being read for their types, as
// `tsc --build` does with project references: a lib's own files are checked by the lib's own
// typecheck task, which `nx run-many -t typecheck` and `nx affected -t typecheck` run beside it.
//
// When Nx runs several typecheck tasks (executors.json: `preferBatch`), their projects are checked in
// one TypeScript program per set of compiler options: a file is parsed and checked once, not once per
// project that reaches it. Each task keeps its own result and output (its files' diagnostics, as tsc
// prints them from the project's root) and its own cache entry. `--batch=false` checks each project
// in a program of its own; the diagnostics are the same.
const path = require('node:path');

function typescript(root) {
  // The workspace's TypeScript; the one beside this executor for a root without one.
  return require(require.resolve('typescript', { paths: [root, __dirname] }));
}

/** A project's parsed tsconfig: compiler options, its own files, and the key of its options. */
function readProject(ts, project) {
  const configFile = path.join(project.root, project.tsConfig);
  const diagnostics = [];
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => diagnostics.push(diagnostic) };
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, { noEmit: true }, host);
  if (!parsed) return { ...project, configFile, options: {}, fileNames: [], diagnostics, key: `unreadable ${configFile}` };
  // Options that name the config file itself do not change what a file means: projects whose other
  // options are equal share a program.
  const { configFilePath: _configFilePath, ...options } = parsed.options;
  return {
    ...project,
    configFile,
    options: parsed.options,
    fileNames: parsed.fileNames,
    diagnostics: [...diagnostics, ...parsed.errors],
    key: JSON.stringify(options),
  };
}

function format(ts, diagnostics, cwd) {
  const host = { getCanonicalFileName: (file) => file, getCurrentDirectory: () => cwd, getNewLine: () => '\n' };
  return ts.formatDiagnostics(diagnostics, host);
}

/**
 * Checks the projects (one program for those with the same compiler options) and returns each
 * project's result: its own files' diagnostics, and those of its tsconfig and of the program's options.
 * @param {{id: string, name: string, root: string, tsConfig: string}[]} projects
 */
function checkProjects(projects, root) {
  const ts = typescript(root);
  const read = projects.map((project) => readProject(ts, project));
  const groups = new Map();
  for (const project of read) {
    if (!groups.has(project.key)) groups.set(project.key, []);
    groups.get(project.key).push(project);
  }
  const outcome = new Map();
  for (const group of groups.values()) {
    const startTime = Date.now();
    const rootNames = [...new Set(group.flatMap((project) => project.fileNames))];
    const program = rootNames.length > 0 ? ts.createProgram({ rootNames, options: group[0].options }) : undefined;
    const shared = program ? [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()] : [];
    for (const project of group) {
      const started = Date.now();
      const own = [];
      for (const file of project.fileNames) {
        const source = program.getSourceFile(file);
        if (source) own.push(...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source));
      }
      const diagnostics = [...project.diagnostics, ...shared, ...own];
      const errors = diagnostics.filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error).length;
      const summary =
        project.fileNames.length === 0
          ? `No inputs were found in ${path.relative(project.root, project.configFile)}: nothing to check.\n`
          : `${project.fileNames.length} file(s) of ${project.name} checked: ${errors === 0 ? 'no errors' : `${errors} error(s)`}.\n`;
      outcome.set(project.id, {
        success: errors === 0 && project.fileNames.length > 0,
        terminalOutput: format(ts, diagnostics, project.root) + summary,
        // The program's own building is shared: the first project of the group carries it.
        startTime: project === group[0] ? startTime : started,
        endTime: Date.now(),
      });
    }
  }
  return outcome;
}

function projectFor(taskId, projectName, options, context) {
  const projectRoot = context.projectGraph.nodes[projectName].data.root;
  return { id: taskId, name: projectName, root: path.join(context.root, projectRoot), tsConfig: options.tsConfig ?? 'tsconfig.json' };
}

/** Nx's per-task entry (`--batch=false`): one project in a program of its own. */
async function typecheckExecutor(options, context) {
  const project = projectFor(context.projectName, context.projectName, options, context);
  const [result] = checkProjects([project], context.root).values();
  process.stdout.write(result.terminalOutput);
  return { success: result.success };
}

/** Nx's batch entry: every typecheck task of the batch, one program per set of compiler options. */
async function* batch(taskGraph, inputs, _overrides, context) {
  const projects = Object.entries(inputs).map(([taskId, options]) => projectFor(taskId, taskGraph.tasks[taskId].target.project, options, context));
  for (const [task, result] of checkProjects(projects, context.root)) yield { task, result };
}

module.exports = typecheckExecutor;
module.exports.default = typecheckExecutor;
module.exports.batch = batch;
