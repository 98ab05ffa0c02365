/** Entry point of `npx boards`: bin/boards.js loads it through tools/register-sources.js. */
import { runCli } from './cli';
import { ExitCode } from './exit-codes';

// A closed stdout (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(ExitCode.OK);
});

runCli(process.argv.slice(2)).then(
  // Exit explicitly: SDK keep-alive sockets must not hold the process open after the answer.
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`boards: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(ExitCode.UNEXPECTED);
  },
);
