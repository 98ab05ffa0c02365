import { loadKeys } from '@boards/config';
import type { AnyGenerator, CostEstimate } from '@boards/core';
import { ALLOW_UNKNOWN_VARIABLE, describePrice, formatEstimate, unknownCost } from '@boards/cost';
import { describeOtherRoutes, familyOf, type ModelFamily } from '@boards/catalogue';
import { booleanFlag, parseArgs } from '../args';
import { loadAllGenerators, loadGeneratorById, resolveWorkspaceRoot } from '../discover';
import { usageError } from '../errors';
import { estimateFacts, generatorSummary, keyStatus, lifecycleFacts } from '../generator-facts';
import { DESCRIBE_HELP } from '../help';
import { describeField, exampleCommand } from '../input-docs';
import { inputFields, inputJsonSchema } from '../schema-fields';
import { COMMON_FLAGS, type Command } from './command';

/** `boards describe <generator>`: inputs, price, lifecycle, an example command. */
export const describeCommand: Command = async ({ argv, output, cwd, env }) => {
  const args = parseArgs(argv, COMMON_FLAGS);
  if (booleanFlag(args, 'help')) {
    output.help(DESCRIBE_HELP);
    return 0;
  }
  const [id, extra] = args.positionals;
  if (!id) throw usageError('describe needs a generator id: npx boards describe <generator> (npx boards list shows them)');
  if (extra !== undefined) throw usageError(`describe takes one generator (got "${extra}" too)`);

  const keys = loadKeys({ env, cwd });
  const root = resolveWorkspaceRoot(cwd, env);
  const generator = loadGeneratorById(root, id);
  const family = routesOf(generator, root);
  const fields = inputFields(generator);
  const cheapest = cheapestEstimate(generator);
  const example = exampleCommand(generator, fields);

  output.document({
    ...generatorSummary(generator, keys),
    inputs: fields,
    cheapestInput: generator.cheapestInput,
    cheapestEstimate: estimateFacts(cheapest),
    example: example.command,
    inputSchema: inputJsonSchema(generator),
    ...(generator.family ? { family: generator.family } : {}),
    ...(family ? { routes: { routes: family.routes.map(({ id, provider, price }) => ({ id, provider, price })), cheapest: family.cheapest } } : {}),
  });

  const lifecycle = lifecycleFacts(generator);
  output.result(`${generator.id}: ${generator.title}`);
  output.result(generator.description);
  output.result('');
  const key = keyStatus(generator, keys);
  output.result(`provider   ${generator.provider}`);
  output.result(`key        ${key.variable}: ${key.configured ? `configured (from ${key.source})` : 'not configured; generate runs on the local emulator'}`);
  output.result(`model      ${generator.model}`);
  output.result(`artifact   ${generator.artifactType}`);
  output.result(`price      ${describePrice(generator.price)}${generator.price.source ? `  ${generator.price.source}` : ''}`);
  if (generator.price.note) output.result(`           ${generator.price.note}`);
  if (generator.price.unknown) output.result(`           a live run refuses its calls unless ${ALLOW_UNKNOWN_VARIABLE}=1; never counted as $0`);
  if (generator.family)
    output.result(`routes     ${family ? describeOtherRoutes(family, generator.id) : `the only route of ${generator.family} in this workspace`}`);
  output.result(`lifecycle  ${lifecycle.text}${lifecycle.successor ? `; successor: ${lifecycle.successor}` : ''}`);
  if (lifecycle.note) output.result(`           ${lifecycle.note}`);
  output.result('');
  output.result('Inputs:');
  if (fields.length === 0) output.result('  (the schema cannot be listed as flags; pass the input with --input-file)');
  for (const field of fields) for (const line of describeField(field)) output.result(line);
  output.result('');
  output.result(`Example (the cheapest input, ${formatEstimate(cheapest)} when live, free on the emulator):`);
  output.result(`  ${example.command}`);
  if (example.replaced) output.result(`  (${example.replaced})`);
  return 0;
};

/** The other routes of the generator's model (same `family`), loading the workspace's generators only when it names one. */
function routesOf(generator: AnyGenerator, root: string): ModelFamily | undefined {
  return generator.family ? familyOf(generator, loadAllGenerators(root).registry.list()) : undefined;
}

function cheapestEstimate(generator: AnyGenerator): CostEstimate {
  try {
    return generator.estimateCost(generator.cheapestInput);
  } catch (error) {
    return unknownCost(error instanceof Error ? error.message : String(error));
  }
}
