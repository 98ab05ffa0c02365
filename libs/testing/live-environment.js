// Jest test environment of the live tier (plain JS: jest loads environments as they are).
//
// Why it exists: a test file runs in a sandboxed module environment, and a `process.on('SIGTERM')`
// registered from inside it never receives a real signal. When a live run is stopped (Ctrl-C on
// `nx`, `kill`, `timeout`, a CI runner's cancel), Nx sends SIGTERM to each task's process tree and
// kills what is left 5 s later; without a real handler the jest process dies at once and the
// provider jobs it started keep running and billing.
//
// The environment object lives outside the sandbox, in the process that runs the tests, so the
// handlers it installs are real. It hands the sandbox one small hub (under a registry symbol, the
// only contract between the two): the live-test code registers a "stopper" per process, and on the
// first stop signal the hub calls every stopper (each cancels the jobs it started and records how
// they ended), waits for them up to STOP_DEADLINE_MS, then lets the signal end the process.
// A second signal during that wait changes nothing: the deadline already bounds it.
// Only public jest API is used: a TestEnvironment subclass and its `global`.
const { TestEnvironment } = require('jest-environment-node');

const HUB = Symbol.for('boards.live-stop-hub');
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** Under the 5 s Nx gives a task between its SIGTERM and its SIGKILL. */
const STOP_DEADLINE_MS = 4000;

/** One hub per process: every test file of a jest worker shares the process and its signals. */
function processHub() {
  if (process[HUB]) return process[HUB];
  const stoppers = new Set();
  const hub = {
    deadlineMs: STOP_DEADLINE_MS,
    /** The signal that stopped this process, once one did. */
    stoppedBy: undefined,
    /** Registers `stop(signal)` (returns a promise); returns the function that removes it. */
    register(stop) {
      stoppers.add(stop);
      return () => stoppers.delete(stop);
    },
  };
  const onSignal = (signal) => {
    if (hub.stoppedBy) return;
    hub.stoppedBy = signal;
    const settled = Promise.allSettled([...stoppers].map((stop) => Promise.resolve().then(() => stop(signal))));
    const deadline = new Promise((resolve) => setTimeout(resolve, hub.deadlineMs));
    void Promise.race([settled, deadline]).then(() => {
      for (const s of STOP_SIGNALS) process.off(s, onSignal);
      // The default action of the signal ends the process, with the status a shell expects of it.
      process.kill(process.pid, signal);
    });
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  Object.defineProperty(process, HUB, { value: hub });
  return hub;
}

class LiveTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global[HUB] = processHub();
  }
}

module.exports = LiveTestEnvironment;
module.exports.HUB = HUB;
