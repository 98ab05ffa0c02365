// The test environment of the unit and integration tiers (jest.preset.js): jest's node environment,
// whose `AbortSignal.timeout` deadlines end with the test file.
//
// A timer keeps what it was started with: its callback and, through Node's async context, whatever
// the code was running in (jest's current test, this project's own async-local stores). Every
// request and generation here runs under a deadline from `AbortSignal.timeout` (a request's 60 s,
// a cancel's 3 s, a generation's 10 min), whose timer stays pending after the work is done: it kept
// the test file's whole sandbox alive, every module it loaded, until it fired. In a run of many
// projects in one process (the `test` executor's batch) the heap grew by megabytes a test file,
// and the garbage collector's work with it. Such a timer only aborts a signal (it never keeps the
// process alive), so here the sandbox's `AbortSignal.timeout` is the same one made with a timer of
// the file's, cleared when the file's environment is torn down: by then nothing of the file runs.
// Timers the code starts itself (setTimeout, setInterval) are left as they are: one may be what
// closes a socket (a Redis client's reconnect), and clearing it would leave the process hanging.
// The live tier keeps its own environment (libs/testing/live-environment.js, shipped with
// @boards/testing): a live run is one test file a process, and it must not depend on tools/.
const { TestEnvironment } = require('jest-environment-node');

class BoardsTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    /** The deadlines of this file not yet fired. */
    const deadlines = new Set();
    this.boardsDeadlines = deadlines;
    const nodeTimeout = this.global.AbortSignal.timeout.bind(this.global.AbortSignal);
    const timeout = (ms) => {
      // Node's own for what it refuses (a negative delay, not an integer) or a timer cannot hold.
      if (!Number.isInteger(ms) || ms < 0 || ms > 2 ** 31 - 1) return nodeTimeout(ms);
      const controller = new AbortController();
      const timer = setTimeout(() => {
        deadlines.delete(timer);
        controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
      }, ms);
      timer.unref();
      deadlines.add(timer);
      return controller.signal;
    };
    // The same class (instanceof, any, abort, ...): only `timeout` is this file's.
    this.global.AbortSignal = new Proxy(this.global.AbortSignal, {
      get: (target, key, receiver) => (key === 'timeout' ? timeout : Reflect.get(target, key, receiver)),
    });
  }

  async teardown() {
    for (const timer of this.boardsDeadlines) clearTimeout(timer);
    this.boardsDeadlines.clear();
    await super.teardown();
  }
}

module.exports = BoardsTestEnvironment;
module.exports.TestEnvironment = BoardsTestEnvironment;
