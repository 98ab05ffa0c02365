// jest workers for the suites that mostly wait (child processes, HTTP round trips to the emulator,
// retry backoff, a type check): jest's default (cores - 1) is one worker on a 2-core machine, which
// runs the files one after another in band. At least two, so waiting files overlap.
module.exports = Math.max(2, require('node:os').availableParallelism() - 1);
