import { loadKeys } from '@boards/config';
import type { AnyGenerator } from '@boards/core';
import { startEmulator } from '@boards/emulator';
import { compareSchemas, generatorFacts, type Drift } from '@boards/testing/drift';
import { booleanFlag, parseArgs, stringFlag } from '../args';
import { loadAllGenerators, resolveWorkspaceRoot } from '../discover';
import { compareRecordings } from '../drift/recordings';
import { publishedFacts } from '../drift/published';
import { UnreadableSchemaError } from '../drift/schema-graph';
import { usageError } from '../errors';
import { ExitCode } from '../exit-codes';
import { DRIFT_HELP } from '../help';
import { table } from '../output';
import { COMMON_FLAGS, type Command, type CommandContext } from './command';

const DRIFT_FLAGS = [...COMMON_FLAGS, { name: 'recordings', kind: 'boolean' }, { name: 'emulator-url', kind: 'value' }] as const;

interface GeneratorDrift {
  generator: string;
  provider: string;
  model: string;
  /** `unreadable`: the provider published a schema that cannot be compared (one that refers to itself): not drift. */
  status: 'ok' | 'drift' | 'skipped' | 'error' | 'unreadable';
  source?: string;
  reason?: string;
  drifts?: Drift[];
}

async function driftOf(generator: AnyGenerator, env: NodeJS.ProcessEnv, cwd: string): Promise<GeneratorDrift> {
  const base = { generator: generator.id, provider: generator.provider, model: generator.model };
  try {
    const published = await publishedFacts(generator, env, cwd);
    if ('skipped' in published) return { ...base, status: 'skipped', reason: published.skipped };
    const drifts = compareSchemas(generatorFacts(generator), published.facts, {
      generator: `generator ${generator.id}`,
      provider: `published ${generator.model}`,
    });
    return { ...base, status: drifts.length ? 'drift' : 'ok', source: published.source, drifts };
  } catch (error) {
    if (error instanceof UnreadableSchemaError) return { ...base, status: 'unreadable', reason: error.message };
    return { ...base, status: 'error', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** `boards drift`: each generator's input schema against the provider's current published schema. */
async function schemaDrift({ output, cwd, env }: CommandContext, ids: string[]): Promise<number> {
  // Read once up front: a broken key setting is refused before anything is fetched (and its keys are registered as secrets).
  loadKeys({ env, cwd });
  const { registry, failures } = loadAllGenerators(resolveWorkspaceRoot(cwd, env));
  for (const failure of failures) output.note(`warning: ${failure.packageName} could not be loaded: ${failure.message}`);
  const unknown = ids.filter((id) => !registry.list().some((g) => g.id === id));
  if (unknown.length > 0) throw usageError(`unknown generator ${unknown.join(', ')}`);
  const generators = registry.list().filter((g) => ids.length === 0 || ids.includes(g.id));
  const results: GeneratorDrift[] = [];
  for (const generator of generators) results.push(await driftOf(generator, env, cwd));

  output.document({ generators: results });
  const rows = results.map((r) => [
    r.generator,
    r.provider,
    r.model,
    r.status === 'drift' ? `drift (${r.drifts?.length})` : r.status,
    r.reason ?? r.source ?? '',
  ]);
  for (const line of table([['GENERATOR', 'PROVIDER', 'MODEL', 'RESULT', 'SOURCE / REASON'], ...rows])) output.result(line);
  for (const r of results.filter((x) => x.status === 'drift')) {
    output.result('');
    output.result(`${r.generator} against ${r.source}:`);
    for (const d of r.drifts ?? []) output.result(`  [${d.kind}] ${d.message}`);
  }
  const counts = (s: GeneratorDrift['status']) => results.filter((r) => r.status === s).length;
  output.result('');
  output.result(
    `drift: ${results.length} generator(s); drift ${counts('drift')}, ok ${counts('ok')}, skipped ${counts('skipped')}, error ${counts('error')}${counts('unreadable') ? `, unreadable ${counts('unreadable')}` : ''}`,
  );
  if (counts('drift') > 0) return ExitCode.DRIFT;
  // An unreadable schema is the provider's, like one that could not be fetched.
  return counts('error') + counts('unreadable') > 0 ? ExitCode.PROVIDER : ExitCode.OK;
}

/** `boards drift --recordings`: every live recording replayed against the emulator. */
async function recordingsDrift({ output, cwd, env }: CommandContext, emulatorUrl: string | undefined): Promise<number> {
  const root = resolveWorkspaceRoot(cwd, env);
  const emulator = emulatorUrl ? undefined : await startEmulator({ jobDurationMs: 0 });
  try {
    const report = await compareRecordings(root, emulatorUrl ?? (emulator?.url as string));
    output.document(report);
    for (const s of report.skipped) output.result(`not counted: ${s.recording}: ${s.reason}`);
    if (report.rows.length > 0) {
      output.result('');
      for (const line of table([
        ['RECORDING', 'EXCHANGE', 'FIELD', 'RECORDED', 'EMULATOR', 'VERDICT'],
        ...report.rows.map((r) => [r.recording, r.exchange, r.field, r.recorded, r.emulator, r.verdict]),
      ])) {
        output.result(line);
      }
    }
    const count = (v: string) => report.rows.filter((r) => r.verdict === v).length;
    output.result('');
    output.result(
      `drift --recordings: ${report.replayed.length} live recording(s) replayed, ${report.skipped.length} not counted; MISSING ${count('MISSING')}, TYPE ${count('TYPE')}, VALUE ${count('VALUE')}`,
    );
    return report.rows.length > 0 ? ExitCode.DRIFT : ExitCode.OK;
  } finally {
    await emulator?.stop();
  }
}

/** `boards drift [generator...] [--recordings [--emulator-url URL]]` */
export const driftCommand: Command = async (ctx) => {
  const args = parseArgs(ctx.argv, DRIFT_FLAGS);
  if (booleanFlag(args, 'help')) {
    ctx.output.help(DRIFT_HELP);
    return 0;
  }
  const emulatorUrl = stringFlag(args, 'emulator-url');
  if (booleanFlag(args, 'recordings')) {
    if (args.positionals.length > 0) throw usageError('drift --recordings replays every recording and takes no generator names');
    if (emulatorUrl !== undefined && !/^https?:\/\//.test(emulatorUrl)) throw usageError(`--emulator-url must be an http(s) URL, not "${emulatorUrl}"`);
    return recordingsDrift(ctx, emulatorUrl);
  }
  if (emulatorUrl !== undefined) throw usageError('--emulator-url goes with --recordings');
  return schemaDrift(ctx, args.positionals);
};
