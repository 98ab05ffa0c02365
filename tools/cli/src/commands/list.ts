import { loadKeys } from '@boards/config';
import { ALLOW_UNKNOWN_VARIABLE, describePrice } from '@boards/cost';
import { booleanFlag, parseArgs } from '../args';
import { loadAllGenerators, resolveWorkspaceRoot } from '../discover';
import { usageError } from '../errors';
import { generatorSummary, keyStatus, keyText, lifecycleFacts, shortPrice } from '../generator-facts';
import { LIST_HELP } from '../help';
import { table } from '../output';
import { COMMON_FLAGS, type Command } from './command';

/** `boards list`: every generator with provider, model, type, price, lifecycle and key status. */
export const listCommand: Command = async ({ argv, output, cwd, env }) => {
  const args = parseArgs(argv, COMMON_FLAGS);
  if (booleanFlag(args, 'help')) {
    output.help(LIST_HELP);
    return 0;
  }
  if (args.positionals.length > 0) throw usageError(`list takes no arguments (got "${args.positionals[0]}")`);

  const keys = loadKeys({ env, cwd });
  const { registry, failures } = loadAllGenerators(resolveWorkspaceRoot(cwd, env));
  const generators = registry.list();
  for (const failure of failures) output.note(`warning: ${failure.packageName} could not be loaded: ${failure.message}`);

  output.document({ generators: generators.map((g) => generatorSummary(g, keys)), failures });
  if (generators.length === 0) {
    output.result('No generators found (packages/*/package.json with "boards": {"generator": "<id>"}).');
    return 0;
  }
  const rows = generators.map((g) => [g.id, g.provider, g.model, g.artifactType, shortPrice(g.price), lifecycleFacts(g).text, keyText(keyStatus(g, keys))]);
  for (const line of table([['GENERATOR', 'PROVIDER', 'MODEL', 'TYPE', 'PRICE', 'LIFECYCLE', 'KEY'], ...rows])) output.result(line);
  // An unknown price is never $0: say why each is unknown (a live run refuses it unless unknown costs are allowed).
  const unknown = generators.filter((g) => g.price.unknown);
  if (unknown.length > 0) {
    output.result('');
    output.result(`Unknown prices (a live test refuses them unless ${ALLOW_UNKNOWN_VARIABLE}=1):`);
    for (const g of unknown) output.result(`  ${g.id}: ${describePrice(g.price)}`);
  }
  if (generators.some((g) => !keyStatus(g, keys).configured)) {
    output.result('');
    output.result('Without its key, `npx boards generate <generator>` runs against the local emulator: free, real files.');
  }
  return 0;
};
