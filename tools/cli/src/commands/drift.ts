import { relative } from 'node:path';
import { loadKeys } from '@boards/config';
import { startEmulator } from '@boards/emulator';
import { booleanFlag, parseArgs, stringFlag } from '../args';
import { loadAllGenerators, resolveWorkspaceRoot } from '../discover';
import { compareRecordings } from '../drift/recordings';
import { snapshotDrift, storedDrift, type SnapshotDrift } from '../drift/snapshots';
import { usageError } from '../errors';
import { ExitCode } from '../exit-codes';
import { DRIFT_HELP } from '../help';
import { table } from '../output';
import { COMMON_FLAGS, type Command, type CommandContext } from './command';

const DRIFT_FLAGS = [
  ...COMMON_FLAGS,
  { name: 'recordings', kind: 'boolean' },
  { name: 'update', kind: 'boolean' },
  { name: 'stored', kind: 'boolean' },
  { name: 'emulator-url', kind: 'value' },
] as const;

/** How `documentDrift` checks: against what is published now (and stores it, `update`), or against the stored snapshots alone. */
type DocumentMode = 'published' | 'update' | 'stored';

/**
 * `boards drift [--update | --stored]`: each generator's snapshot against what its provider publishes now, and the generator
 * against its snapshot; `--stored` reads no network and takes each stored snapshot as what is published.
 */
async function documentDrift({ output, cwd, env }: CommandContext, ids: string[], mode: DocumentMode): Promise<number> {
  // Read once up front: a broken key setting is refused before anything is fetched (and its keys are registered as secrets).
  if (mode !== 'stored') loadKeys({ env, cwd });
  const root = resolveWorkspaceRoot(cwd, env);
  const { registry, failures } = loadAllGenerators(root);
  for (const failure of failures) output.note(`warning: ${failure.packageName} could not be loaded: ${failure.message}`);
  const unknown = ids.filter((id) => !registry.list().some((g) => g.id === id));
  if (unknown.length > 0) throw usageError(`unknown generator ${unknown.join(', ')}`);
  const generators = registry.list().filter((g) => ids.length === 0 || ids.includes(g.id));
  const results: SnapshotDrift[] = [];
  for (const generator of generators)
    results.push(mode === 'stored' ? storedDrift(generator, root) : await snapshotDrift(generator, root, env, cwd, mode === 'update'));

  output.document({ generators: results });
  const result = (r: SnapshotDrift) =>
    `${r.status === 'drift' ? `drift (${r.lines.length})` : r.status}${r.updated ? ', snapshot updated' : r.updated === false ? ', snapshot unchanged' : ''}`;
  const snapshot = (r: SnapshotDrift) => (r.snapshot ? relative(root, r.snapshot) : '');
  // --stored names the snapshot each generator was held to (and when it was fetched); the other modes, the URLs read.
  const where = (r: SnapshotDrift) =>
    r.reason ?? (mode !== 'stored' ? (r.source ?? '') : r.fetchedAt ? `${snapshot(r)} (fetched ${r.fetchedAt.slice(0, 10)})` : snapshot(r));
  const rows = results.map((r) => [r.generator, r.provider, r.model, result(r), where(r)]);
  const last = mode === 'stored' ? 'SNAPSHOT / REASON' : 'SOURCE / REASON';
  for (const line of table([['GENERATOR', 'PROVIDER', 'MODEL', 'RESULT', last], ...rows])) output.result(line);
  for (const r of results.filter((x) => x.status === 'drift')) {
    output.result('');
    output.result(
      mode === 'stored' ? `${r.generator} (${r.model}) against ${snapshot(r)}:` : `${r.generator} (${r.model}), ${r.snapshot} against ${r.source}:`,
    );
    for (const line of r.lines) output.result(`  ${line}`);
  }
  const counts = (s: SnapshotDrift['status']) => results.filter((r) => r.status === s).length;
  output.result('');
  output.result(
    `drift${mode === 'published' ? '' : ` --${mode}`}: ${results.length} generator(s); drift ${counts('drift')}, ok ${counts('ok')}, skipped ${counts('skipped')}, could not check ${counts('error')}${counts('unreadable') ? `, unreadable ${counts('unreadable')}` : ''}${mode === 'update' ? `; ${results.filter((r) => r.updated).length} snapshot(s) rewritten` : ''}`,
  );
  // Drift first: a canary stops on 7 whatever else could not be checked. An unreadable schema is the provider's, like one that could not be fetched.
  if (counts('drift') > 0) return ExitCode.DRIFT;
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

/** `boards drift [generator...] [--update | --stored] | --recordings [--emulator-url URL]` */
export const driftCommand: Command = async (ctx) => {
  const args = parseArgs(ctx.argv, DRIFT_FLAGS);
  if (booleanFlag(args, 'help')) {
    ctx.output.help(DRIFT_HELP);
    return 0;
  }
  const emulatorUrl = stringFlag(args, 'emulator-url');
  const stored = booleanFlag(args, 'stored');
  if (booleanFlag(args, 'recordings')) {
    if (args.positionals.length > 0) throw usageError('drift --recordings replays every recording and takes no generator names');
    if (booleanFlag(args, 'update')) throw usageError('--update rewrites snapshots; it does not go with --recordings');
    if (stored) throw usageError('--stored checks generators against their snapshots; it does not go with --recordings');
    if (emulatorUrl !== undefined && !/^https?:\/\//.test(emulatorUrl)) throw usageError(`--emulator-url must be an http(s) URL, not "${emulatorUrl}"`);
    return recordingsDrift(ctx, emulatorUrl);
  }
  if (emulatorUrl !== undefined) throw usageError('--emulator-url goes with --recordings');
  if (stored && booleanFlag(args, 'update')) throw usageError('--update stores what is published now; --stored reads no network: use one of them');
  return documentDrift(ctx, args.positionals, stored ? 'stored' : booleanFlag(args, 'update') ? 'update' : 'published');
};
