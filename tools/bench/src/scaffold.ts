import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { providerDescriptors } from '@boards/core';
import { nx, tail } from './exec';
import { table, type Section } from './markdown';
import { scaffoldExamples } from './providers';
import { seconds } from './stats';

const NAME = 'bench-gen';
const TITLE = 'Scaffold to green tests';

const notMeasured = (reason: string): Section => ({ title: TITLE, body: `not measured: ${reason}` });

/** `nx g` of the first scaffold example the installed adapters give (the first provider's first, by name). */
function generateCommand(workspace: string): string[] | undefined {
  const [example] = scaffoldExamples(providerDescriptors(workspace));
  if (!example) return undefined;
  const { provider, model, artifact, price } = example;
  const options = [`--provider=${provider}`, `--model=${model}`, `--artifact=${artifact}`, ...(price ? [`--price=${price}`] : [])];
  return ['g', '@boards/tools:generator', NAME, ...options, '--no-interactive'];
}

/** Seconds from `nx g @boards/tools:generator` to a green `nx test` of the new package, in the snapshot. */
export async function measureScaffold(workspace: string, log: (line: string) => void, nxState: Record<string, string> = {}): Promise<Section> {
  if (existsSync(join(workspace, 'packages', NAME))) return notMeasured(`packages/${NAME} already exists in the snapshot`);
  const generate = generateCommand(workspace);
  if (!generate) return notMeasured('no installed adapter describes a scaffold example');
  const generated = await nx(workspace, generate, nxState);
  if (generated.code !== 0) return notMeasured(`\`nx ${generate.join(' ')}\` failed: ${tail(generated)}`);
  if (!existsSync(join(workspace, 'packages', NAME, 'package.json'))) return notMeasured(`\`nx g\` succeeded but wrote no packages/${NAME}/package.json`);
  const tested = await nx(workspace, ['test', NAME, '--skip-nx-cache'], nxState);
  log(`scaffold: nx g ${seconds(generated.ms)}, nx test ${seconds(tested.ms)} (exit ${tested.code})`);
  if (tested.code !== 0) return notMeasured(`the scaffolded package's \`nx test ${NAME}\` failed after ${seconds(tested.ms)}: ${tail(tested)}`);
  return {
    title: TITLE,
    body: [
      "In the snapshot copy of the workspace (its own node_modules): the generator writes the package and runs `npm install` so the lock file and the workspace links know it; then the new package's unit and conformance tests run against the emulator.",
      '',
      table(
        ['step', 'time'],
        [
          [`\`npx nx ${generate.join(' ')}\``, seconds(generated.ms)],
          [`\`npx nx test ${NAME} --skip-nx-cache\` (green)`, seconds(tested.ms)],
          ['**scaffold to green tests**', `**${seconds(generated.ms + tested.ms)}**`],
        ],
        ['l', 'r'],
      ),
    ].join('\n'),
  };
}
