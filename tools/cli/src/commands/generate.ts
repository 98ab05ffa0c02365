import { resolve } from 'node:path';
import { configuredEnvironment, loadKeys, resolveSettings, storageDir, type ResolvedKeys } from '@boards/config';
import {
  assertNotRetired,
  describeLifecycle,
  effectiveLifecycleStatus,
  formatUsd,
  redactProviderText,
  type ActualCost,
  type Micros,
  type AnyGenerator,
  type CostEstimate,
} from '@boards/core';
import { formatEstimate } from '@boards/cost';
import { LocalArtifactStore } from '@boards/storage';
import { booleanFlag, parseArgs, stringFlag, type FlagSpec, type ParsedArgs } from '../args';
import { artifactEntry, displayPath, mediaFacts, textPreview, type ArtifactEntry } from '../artifact-report';
import { confirmSpend, confirmThreshold } from '../confirm';
import { loadGeneratorById, resolveWorkspaceRoot } from '../discover';
import { startEmbeddedEmulator } from '../emulator-env';
import { workspaceSnapshots } from '@boards/testing/drift';
import { usageError } from '../errors';
import { estimateFacts } from '../generator-facts';
import { GENERATE_HELP } from '../help';
import { buildRawInput, checkLocalFiles, inputFlagSpecs, validateInput } from '../input';
import { describeField, exampleCommand } from '../input-docs';
import { chooseMode, describeMode, type RunMode } from '../mode';
import type { Output } from '../output';
import { writeGenerationReport } from '../report/write';
import { runGeneration, type RunOutcome } from '../run-generation';
import { inputFields } from '../schema-fields';
import { COMMON_FLAGS, type Command } from './command';

const GENERATE_FLAGS: readonly FlagSpec[] = [
  ...COMMON_FLAGS,
  { name: 'input-file', kind: 'value' },
  { name: 'out', kind: 'value' },
  { name: 'live', kind: 'boolean' },
  { name: 'emulate', kind: 'boolean' },
  { name: 'yes', kind: 'boolean', short: 'y' },
  { name: 'max-cost-without-prompt', kind: 'value' },
  { name: 'report', kind: 'boolean' },
];

/** What `prepare` gathered: the generator, its parsed flags and its validated input. */
interface Prepared {
  generator: AnyGenerator;
  args: ParsedArgs;
  input: Record<string, unknown>;
  keys: ResolvedKeys;
  /** The environment with the configured variables filled in (a copy: nothing is written to process.env). */
  env: NodeJS.ProcessEnv;
  /** Live runs estimated above this ask first. */
  thresholdMicros: Micros;
  /** Where the artifacts go, already checked writable. */
  store: LocalArtifactStore;
}

/** What `plan` decided: where the call goes and what it is estimated to cost. */
interface Plan {
  mode: RunMode;
  estimate: CostEstimate;
}

/**
 * `boards generate <generator> --<input> value ...`, in named steps: prepare (load the
 * generator, parse and validate its input: exit 2, nothing sent; check the local files and the
 * output directory: exit 2 or 3, nothing sent), plan (live or emulator, the
 * estimate), confirm (a costly live run), execute (generate with progress), report (the stored
 * artifacts and the actual cost).
 */
export const generateCommand: Command = async (context) => {
  const prepared = await prepare(context);
  if (prepared === 'help') return 0;
  const plan = planRun(context, prepared);
  await confirmRun(prepared, plan);
  const outcome = await execute(context, prepared, plan);
  reportRun(context, prepared, plan, outcome);
  return 0;
};

type Context = Parameters<Command>[0];

/**
 * Loads the generator, parses its flags and validates the input, then checks every local
 * precondition of the run (input files, the output directory) so that nothing fails locally
 * after the provider was paid; `help` when help was printed instead.
 */
async function prepare({ argv, output, cwd, env }: Context): Promise<Prepared | 'help'> {
  // The generator's flags are only known once it is loaded: find its id first.
  const first = parseArgs(argv, GENERATE_FLAGS, { allowUnknown: true });
  const id = first.positionals[0];
  if (!id) {
    if (!booleanFlag(first, 'help')) {
      throw usageError('generate needs a generator id: npx boards generate <generator> --prompt "..." (npx boards list shows them)');
    }
    output.help(GENERATE_HELP);
    return 'help';
  }
  const generator = loadGeneratorById(resolveWorkspaceRoot(cwd, env), id);
  const fields = inputFields(generator);
  const ownFlags = new Set(GENERATE_FLAGS.map((f) => f.name));
  const inputSpecs = inputFlagSpecs(fields, ownFlags);
  const args = parseArgs(argv, [...GENERATE_FLAGS, ...inputSpecs], { allowUnknown: true });
  if (booleanFlag(args, 'help')) {
    output.help(
      [
        `Usage: npx boards generate ${generator.id} --<input> <value> ... [options]`,
        '',
        `Inputs of ${generator.id}:`,
        ...fields.flatMap(describeField),
        '',
        'Example:',
        `  ${exampleCommand(generator, fields).command}`,
        '',
        GENERATE_HELP.slice(GENERATE_HELP.indexOf('Options:')),
      ].join('\n'),
    );
    return 'help';
  }
  if (args.positionals.length > 1) {
    throw usageError(`unexpected argument "${args.positionals[1]}" (quote values with spaces: --prompt "a red circle")`);
  }
  // Keys first: loading them registers them as secrets, so an input error that quotes a
  // pasted key (--steps sk-...) is redacted like everything else.
  const keys = loadKeys({ env, cwd });
  // What the command reads of its own settings sees .env too, as the adapters' settings do.
  const configured = configuredEnvironment(env, keys);
  const thresholdMicros = confirmThreshold(stringFlag(args, 'max-cost-without-prompt'), configured);
  // Fail fast, before any emulator or estimate: no run of a retired model can succeed.
  assertNotRetired(generator);
  const raw = buildRawInput(args, fields, {
    inputFile: stringFlag(args, 'input-file'),
    cwd,
    knownFlags: [...ownFlags, ...inputSpecs.map((s) => s.name)],
  });
  validateInput(generator, raw);
  await checkLocalFiles(generator, fields, raw.input, cwd);
  // Created and probed now: an unwritable --out (a path under /proc, a read-only or full disk)
  // exits 3 before anything is sent, instead of after a billed job whose output is then lost.
  const out = stringFlag(args, 'out');
  const store = new LocalArtifactStore({
    root: resolve(cwd, out ?? storageDir(configured) ?? 'boards-output'),
    rootSetting: out === undefined ? undefined : '--out',
  });
  await store.assertWritable(generator.id);
  return { generator, args, input: raw.input, keys, env: configured, thresholdMicros, store };
}

/** Live or emulator, and the estimate of the input actually sent; says both (and a deprecation) on stderr. */
function planRun({ output }: Context, { generator, args, input, keys, env }: Prepared): Plan {
  const mode = chooseMode(generator.provider, keys, { live: booleanFlag(args, 'live'), emulate: booleanFlag(args, 'emulate') }, env);
  output.note(describeMode(mode));
  if (effectiveLifecycleStatus(generator.lifecycle) === 'deprecated') {
    const successor = generator.lifecycle?.successor ? `; successor: ${generator.lifecycle.successor}` : '';
    output.note(`warning: ${generator.model} is ${describeLifecycle(generator.lifecycle)}${successor}`);
  }
  const estimate = generator.estimateCost(input);
  output.note(estimateLine(generator, mode, estimate));
  return { mode, estimate };
}

/** A live run estimated above the threshold asks first (`--yes` skips the question). */
async function confirmRun({ args, thresholdMicros }: Prepared, { mode, estimate }: Plan): Promise<void> {
  if (mode.kind !== 'live') return;
  await confirmSpend({ estimate, thresholdMicros, yes: booleanFlag(args, 'yes'), interactive: process.stdin.isTTY === true });
}

/**
 * Generates with progress on stderr, against the embedded emulator in emulator mode. The CLI is an
 * edge: the configuration is read here into the settings the generation's context carries.
 */
async function execute({ output, cwd }: Context, { generator, input, store, env }: Prepared, { mode }: Plan): Promise<RunOutcome> {
  // The emulator answers the generator from its package's snapshot.json (the published document).
  const embedded = mode.kind === 'emulator' ? await startEmbeddedEmulator(env, snapshotOf(generator, cwd, env)) : undefined;
  const settings = embedded?.settings ?? resolveSettings({ env, cwd, envFile: false });
  try {
    return await runGeneration(generator, input, { store, settings, stream: output.streams.stderr, tty: output.stderrIsTTY });
  } finally {
    await embedded?.stop();
  }
}

/** The stored artifacts, the provider job and the actual cost; with `--report`, the HTML page too. */
function reportRun({ output, cwd }: Context, { generator, args, input }: Prepared, { mode, estimate }: Plan, outcome: RunOutcome): void {
  report(output, { generator, mode, estimate, outcome, cwd });
  if (!booleanFlag(args, 'report')) return;
  const page = writeGenerationReport({ generator, mode, input, estimate, outcome, artifacts: outcome.result.artifacts.map(artifactEntry), cwd });
  (output.json ? output.note.bind(output) : output.result.bind(output))(`report: ${displayPath(page, cwd)}`);
}

function estimateLine(generator: AnyGenerator, mode: RunMode, estimate: CostEstimate): string {
  const basis = estimate.known ? ` (${estimate.basis})` : '';
  const subject = `${generator.id}: ${generator.model} on ${generator.provider}`;
  return mode.kind === 'emulator'
    ? `${subject}; estimated cost if run live ${formatEstimate(estimate)}${basis}; the emulator charges nothing`
    : `${subject}; estimated cost ${formatEstimate(estimate)}${basis}`;
}

interface Report {
  generator: AnyGenerator;
  mode: RunMode;
  estimate: CostEstimate;
  outcome: RunOutcome;
  cwd: string;
}

function report(output: Output, { generator, mode, estimate, outcome, cwd }: Report): void {
  const artifacts = outcome.result.artifacts.map(artifactEntry);
  const jobId = outcome.result.providerJobId ?? outcome.providerJob?.jobId;
  // It came from the provider: a key fragment echoed in it is not printed.
  const providerJobId = jobId === undefined ? undefined : redactProviderText(jobId);
  const actualCost = actualCostFacts(mode, outcome.actualCost);
  output.document({
    generator: generator.id,
    mode: mode.kind,
    estimatedCost: estimateFacts(estimate),
    ...(actualCost ? { actualCost } : {}),
    artifacts,
    ...(providerJobId ? { providerJobId } : {}),
    ...(outcome.result.warnings?.length ? { warnings: outcome.result.warnings } : {}),
    elapsedMs: outcome.elapsedMs,
  });

  const where = mode.kind === 'emulator' ? ' on the emulator' : '';
  output.result(
    `${generator.id}: done in ${(outcome.elapsedMs / 1000).toFixed(1)}s${where}; ${artifacts.length} artifact${artifacts.length === 1 ? '' : 's'}:`,
  );
  for (const entry of artifacts) printArtifact(output, entry, cwd);
  for (const warning of outcome.result.warnings ?? []) output.result(`warning: ${warning}`);
  if (providerJobId) output.result(`provider job: ${providerJobId}`);
  output.result(actualCostLine(mode, estimate, outcome.actualCost));
}

function printArtifact(output: Output, entry: ArtifactEntry, cwd: string): void {
  output.result(`  ${displayPath(entry.path, cwd)}  ${mediaFacts(entry)}`);
  if (entry.type === 'text' && entry.text !== undefined) for (const line of textPreview(entry.text)) output.result(line);
}

function actualCostFacts(mode: RunMode, cost: ActualCost | undefined) {
  if (mode.kind === 'emulator') return { usd: '0.00', emulated: true, ...(cost ? { reported: cost.reported } : {}) };
  if (!cost) return undefined;
  return { ...(cost.micros !== undefined ? { usd: formatUsd(cost.micros) } : {}), reported: cost.reported };
}

function actualCostLine(mode: RunMode, estimate: CostEstimate, cost: ActualCost | undefined): string {
  if (mode.kind === 'emulator') return `cost: none (emulator${cost ? `; it reported ${cost.reported}` : ''})`;
  if (cost?.micros !== undefined) return `actual cost: $${formatUsd(cost.micros)} (${cost.reported})`;
  const reported = cost ? `the provider reported ${cost.reported}, not a price` : 'the provider reported no cost';
  return `actual cost: unknown (${reported}); the estimate was ${formatEstimate(estimate)}`;
}

/** The snapshot of `generator`'s package in the workspace, if it has one (none outside a workspace). */
function snapshotOf(generator: AnyGenerator, cwd: string, env: NodeJS.ProcessEnv) {
  try {
    return workspaceSnapshots(resolveWorkspaceRoot(cwd, env)).filter((snapshot) => snapshot.model === generator.model);
  } catch {
    return [];
  }
}
