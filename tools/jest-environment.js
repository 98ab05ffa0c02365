// The test environment of the unit and integration tiers (jest.preset.js): jest's node environment,
// whose timers end with the test file.
//
// A timer keeps what it was started with: its callback and, through Node's async context, whatever
// the code was running in (jest's current test, this project's own async-local stores). A timer a
// test file leaves pending (a request's 60 s deadline from `AbortSignal.timeout`, a generation's
// 10 min deadline, an SDK's poll) so kept that file's whole sandbox alive, every module it loaded,
// until it fired: in a run of many projects in one process (the `test` executor's batch) the heap
// grew by megabytes a test file and the garbage collector's work with it. Here every timer a test
// file starts through its globals (setTimeout, setInterval, AbortSignal.timeout) is cleared when
// the file's environment is torn down; one that fired or was cleared is forgotten at once. A timer
// never fires after its file ended, so nothing a test checks changes. The live tier keeps its own
// environment (libs/testing/live-environment.js, shipped with @boards/testing): a live run is one
// test file a process, and it must not depend on this repository's tools/.
const { TestEnvironment } = require('jest-environment-node');

class BoardsTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const timers = new Set();
    this.boardsTimers = timers;
    const global = this.global;
    const { setTimeout: set, setInterval: every, clearTimeout: clear, clearInterval: clearEvery } = global;

    const tracked = (start) =>
      Object.assign(function (callback, ...rest) {
        if (typeof callback !== 'function') return start(callback, ...rest);
        const timer = start(
          function (...args) {
            if (start === set) timers.delete(timer);
            return callback.apply(this, args);
          },
          ...rest,
        );
        timers.add(timer);
        return timer;
      }, start);
    global.setTimeout = tracked(set);
    global.setInterval = tracked(every);
    global.clearTimeout = (timer) => {
      timers.delete(timer);
      return clear(timer);
    };
    global.clearInterval = (timer) => {
      timers.delete(timer);
      return clearEvery(timer);
    };

    // AbortSignal.timeout's own timer is Node's, out of reach of the globals above: the sandbox's
    // AbortSignal is the same class with a `timeout` whose timer is one of this file's.
    const AbortSignalClass = global.AbortSignal;
    const timeout = (ms) => {
      const controller = new AbortController();
      const timer = set(() => {
        timers.delete(timer);
        controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
      }, ms);
      timer.unref?.();
      timers.add(timer);
      return controller.signal;
    };
    global.AbortSignal = new Proxy(AbortSignalClass, {
      get: (target, key, receiver) => (key === 'timeout' ? timeout : Reflect.get(target, key, receiver)),
    });
  }

  async teardown() {
    for (const timer of this.boardsTimers) clearTimeout(timer);
    this.boardsTimers.clear();
    await super.teardown();
  }
}

module.exports = BoardsTestEnvironment;
module.exports.TestEnvironment = BoardsTestEnvironment;
