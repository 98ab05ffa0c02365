/** Help texts: `boards --help` and `boards <command> --help`. Provider facts come from the installed adapters' descriptors. */
import { join } from 'node:path';
import { providerDescriptors } from '@boards/core';
import { EXIT_CODE_HELP } from './exit-codes';

const PROVIDERS = providerDescriptors(join(__dirname, '..'));
const KEY_VARIABLES = PROVIDERS.map((d) => d.key.variable).join(', ');
const DRIFT_KEYS = PROVIDERS.filter((d) => d.published?.needsKey)
  .map((d) => `${d.displayName} needs ${d.key.variable} to read model documents (without it: could not check, exit 4).`)
  .join('\n');
const DRIFT_SOURCE_LINES = PROVIDERS.flatMap((d) =>
  d.published
    ? [
        `${d.published.variable} (default ${d.published.defaultUrl})`,
        ...(d.published.document?.moreSources ?? []).map((s) => `${s.variable} (default ${s.defaultUrl}; ${s.what})`),
      ]
    : [],
).join(',\n');
const NAME_WIDTH = Math.max(12, ...PROVIDERS.map((d) => d.name.length + 2));
/** Each installed adapter: its name, how people write it and its key, then its descriptor's help line. */
const PROVIDER_LINES = PROVIDERS.flatMap((d) => [
  `  ${d.name.padEnd(NAME_WIDTH)}${d.displayName}, key ${d.key.variable}`,
  ...(d.help ? [`  ${' '.repeat(NAME_WIDTH)}${d.help}`] : []),
]).join('\n');
const DISPLAY_NAMES = PROVIDERS.map((d) => d.displayName).join(', ');

export const MAIN_HELP = `boards: run the workspace's AI generators

Usage: npx boards <command> [options]

Commands:
  list                        every generator: provider, model, artifact type, price,
                              lifecycle, whether its key is configured
  describe <generator>        inputs (type, default, allowed values, limits), price,
                              lifecycle and an example command
  generate <generator> ...    run a generator; without the provider's key it runs
                              against the local emulator, free, and still writes files
  emulator [--port N]         run the provider emulator in the foreground
  live plan [--base REF]      which live tests a change selects and their cost; calls
                              no provider
  drift [generator...]        each generator's input schema against the provider's
                              current published schema (free calls, no generation)
  drift --stored [generator...]
                              each generator against its stored snapshot only: no
                              network, the check CI runs
  drift --recordings          replay every recorded live exchange against the emulator
                              and list where it answers differently
  live run [--base REF]       run that selection through nx test-live (refused when
                              over BOARDS_LIVE_BUDGET_USD); --emulate for a free run
  report [RUN]                the HTML board of a live run (default: the latest):
                              every generator's artifacts, inputs, costs, skip reasons

Options of every command:
  --json                      exactly one JSON document on stdout; logs and progress
                              go to stderr
  -h, --help                  help for a command, e.g. npx boards generate --help

Providers (the installed adapters):
${PROVIDER_LINES}

Keys (${KEY_VARIABLES}) come from the environment,
BOARDS_GENERATOR_API_KEYS (JSON) or .env. No key value is ever printed.

${EXIT_CODE_HELP}
`;

export const LIST_HELP = `Usage: npx boards list [--json]

Lists every generator of the workspace (packages/*/package.json with a
"boards": {"generator": "<id>"} field): provider, model, artifact type, price with
its unit, lifecycle status, and whether the provider's key is configured
("yes" or "no (<its key variable>)"; never the key itself).
`;

export const DESCRIBE_HELP = `Usage: npx boards describe <generator> [--json]

Shows a generator's inputs (flag, type, default, allowed values, limits, required
marks), its price and lifecycle, and an example command built from its cheapest input.
`;

export const GENERATE_HELP = `Usage: npx boards generate <generator> --<input> <value> ... [options]

Validates the input, prints the cost estimate, then runs the generator and stores
its artifacts. Inputs are flags named after the input fields in kebab-case
(num_images -> --num-images); npx boards describe <generator> lists them.

Values are read by the field's type: integers and numbers as written; booleans as
--flag, --no-flag or --flag=false; lists as a repeated flag, a comma list (--x a,b)
or a JSON array; objects as JSON. Files (an image to edit, audio to transcribe) are
local paths or URLs.

Options:
  --input-file FILE              JSON object of inputs; flags override its fields
  --out DIR                      where artifacts are written
                                 (default: BOARDS_STORAGE_DIR, else ./boards-output)
  --live                         the real provider only: exit 3 if its key is missing
  --emulate                      the local emulator even when a key is configured
  -y, --yes                      run without asking, whatever the estimate
  --max-cost-without-prompt USD  ask before a live run estimated above this, or of
                                 unknown cost (default: BOARDS_CONFIRM_ABOVE_USD,
                                 else 0.50); without a terminal to ask on: exit 5
  --report                       also write an HTML page of the generation beside
                                 its artifacts (report-<artifact>.html) and print its path
  --json                         one JSON document on stdout:
                                 {generator, mode, estimatedCost, actualCost?,
                                  artifacts: [{type, path, storageUrl, mimeType,
                                  sizeBytes, width?, height?, durationSeconds?, text?}],
                                  providerJobId?}

Without the provider's key (or with --emulate) the built-in emulator runs in this
process and nothing costs money. Ctrl-C cancels the provider job (exit 130; 6 when
the provider does not confirm the cancel); a second Ctrl-C stops waiting for that
answer and exits 6, naming the job that may still run and bill. Input files are
checked first (size cap: image 50 MiB, audio 25 MiB, video 200 MiB; the media type
from the file's first bytes), and so is the output directory: nothing is sent
before they pass.

Environment:
  BOARDS_CONFIRM_ABOVE_USD    confirmation threshold in dollars (default 0.50)
  BOARDS_STORAGE_DIR          default output directory
  BOARDS_EMULATOR_JOB_MS      simulated work time of the embedded emulator, ms (default 0)
  BOARDS_GENERATION_TIMEOUT_MS  deadline of one generation (default 10 minutes)
  BOARDS_WORKSPACE_ROOT       the workspace whose packages/* hold the generators

${EXIT_CODE_HELP}
`;

export const EMULATOR_HELP = `Usage: npx boards emulator [--port N] [--job-ms N] [--quiet] [--json]

Runs the provider emulator in the foreground on 127.0.0.1, the HTTP APIs of
${DISPLAY_NAMES}, and prints its base URLs, the control API URL
and the export lines that point the adapters at it. Stops on Ctrl-C.

Options:
  --port N     port to listen on (default 0: any free port)
  --job-ms N   simulated provider work time per job, ms (default: a realistic
               time per model, 1/10 of its typical real time, at least 1 s;
               0 finishes jobs at once)
  --quiet      do not log each request on stderr
  --json       print {url, baseUrls, controlUrl, env} as one JSON document
`;

export const LIVE_HELP = `Usage: npx boards live plan|run [--base REF] [--head REF] [--projects LIST] [--emulate] [--json]

plan   Lists the live tests that \`nx affected -t test-live\` selects for the change from
       --base (default origin/main, else main) to --head (default: the working tree), or
       for --projects (names or tag:provider, comma-separated), each generator's estimated
       cost, the total, and whether it fits BOARDS_LIVE_BUDGET_USD (default 1.00).
       No provider is called.
run    Prints the plan, then runs exactly that selection through Nx's test-live target,
       which logs a cost line before each paid call and ends with a run summary. Refused
       (exit 5) when the plan does not fit the budget. --emulate runs it against the
       emulator instead (free).

Live calls happen only through the test-live target (this command or nx itself).
`;

export const REPORT_HELP = `Usage: npx boards report [RUN] [--json]

Writes the HTML board of a live run to <run>/report.html and prints its path: one card
per generator with its artifacts inline (images, audio and video players, transcripts),
the input sent, estimated and billed cost, timing, the provider job id, and the reason
of each skipped or failed test; the header shows the total against the budget and the
daily and monthly caps when the run recorded them. Media are linked relative to the
page (no server; copying the run directory keeps it working); no key or URL query
string appears in it.

RUN is a run directory (.live-runs/<id>) or its id; default: the latest run
(.live-runs/latest-summary.json). \`npx boards generate ... --report\` writes the same
page for one generation.
`;

export const DRIFT_HELP = `Usage: npx boards drift [generator...] [--update] [--json]
       npx boards drift --stored [generator...] [--json]
       npx boards drift --recordings [--emulator-url URL] [--json]

Without --stored or --recordings: fetches what each generator's provider publishes about
its model now (from the sources below; free calls, nothing is generated) and compares the
whole document with the generator's stored snapshot (packages/<id>/snapshot.json): inputs,
defaults, limits, outputs, job statuses, auth, lifecycle and shutdown dates, each change on
its own line naming the field and both values; then the generator against its snapshot (its
defaults, enums, limits and required fields, the output it reads, the statuses its adapter
knows). A model no longer published, or shut down, is drift.
--update stores what is published as the snapshots (with the URLs and the time); an
unchanged document leaves its file untouched. \`nx test\` then fails the generators that
must change, naming the field.
${DRIFT_KEYS}
Sources (JSON, YAML or a page's fenced YAML block):
${DRIFT_SOURCE_LINES}.

With --stored: reads no network. Each generator's stored snapshot stands for what is
published, and the generator is held to it as above ([generator] lines), with the lifecycle
the snapshot states ([lifecycle]); a generator without a snapshot, or whose snapshot is of
another model, is drift ([snapshot]). Retired models are skipped. Offline, so CI runs it.

With --recordings: replays every exchange of packages/*/__fixtures__/recordings/*.json
made against the real provider (BOARDS_RECORD=1 live runs) against the emulator (an
embedded one, or --emulator-url) and lists each field the provider sent that the
emulator does not (MISSING), types differently (TYPE), or another HTTP status (VALUE).
Recordings made against the emulator are listed as not counted.

Exit code 7 when anything drifts (a canary stops there, before any paid call); 4 when a
source could not be checked (no key, unreachable; with --stored, a snapshot that cannot
be read) and nothing drifted.
`;
