// The batch run's jest reporter: prints nothing. The executor prints each project's results as that
// project's own task output (executor.js), so the run as a whole writes no interleaved log.
module.exports = class QuietReporter {
  getLastError() {
    return undefined;
  }
};
