// Jest reporter for the live tier (plain JS: jest loads reporters without transforming them).
// Writes what each live test did into the run directory, for the run summary that
// the @boards/tools Nx plugin prints when the run ends.
const { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class LiveResultsReporter {
  constructor(globalConfig, options = {}) {
    this.options = options;
    this.tests = [];
  }

  onTestResult(test, result) {
    const project = test.context.config.displayName?.name ?? test.context.config.displayName ?? 'unknown';
    this.project = typeof project === 'string' ? project : project.name;
    for (const t of result.testResults) {
      const skippedReason = t.status === 'pending' ? /skipped: (.*)$/.exec(t.title)?.[1] : undefined;
      this.tests.push({
        title: t.fullName,
        status: t.status === 'pending' ? 'skipped' : t.status,
        ...(skippedReason ? { reason: skippedReason } : {}),
        ...(t.status === 'failed' ? { error: firstLine(t.failureMessages.join('\n')) } : {}),
      });
    }
    if (result.testExecError) this.tests.push({ title: result.testFilePath, status: 'failed', error: firstLine(result.testExecError.message) });
  }

  onRunComplete() {
    const dir = process.env.BOARDS_LIVE_RUN_DIR;
    if (!dir || !this.project) return;
    mkdirSync(join(dir, 'results'), { recursive: true });
    // What the project's live tests generated (written by describeLive), for `npx boards report`.
    const generations = readJsonFiles(join(dir, 'generations', this.project));
    writeFileSync(join(dir, 'results', `${this.project}.json`), JSON.stringify({ project: this.project, tests: this.tests, generations }, null, 2));
  }
}

function readJsonFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

function firstLine(text) {
  // Strip ANSI colours and keep the message, not the stack.
  return (
    String(text)
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l && !l.startsWith('at ')) ?? ''
  );
}

module.exports = LiveResultsReporter;
