import { join } from 'node:path';
import { formatFiles, generateFiles, installPackagesTask, logger, readJson, writeJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import { familyTag, LEFT_OUT_FILE, type LeftOutModel } from '@boards/catalogue';
import { keyVariable } from '@boards/config';
import { formatUsd, type CostEstimate } from '@boards/core';
import { ALLOW_UNKNOWN_VARIABLE, describePrice, priceMicros } from '@boards/cost';
import { normalizeOptions, type NormalizedOptions } from './normalize';
import { expectedEstimate, q, starterFor, type Starter } from './starters';
import type { GeneratorGeneratorSchema } from './schema';

/** What the estimate counts, by unit: "the estimate already counts seconds of video". */
const UNIT_COUNTED: Record<string, string> = {
  image: 'images',
  megapixel: 'megapixels',
  second: 'seconds of video',
  minute: 'minutes of audio',
  '1k-characters': 'characters (in thousands)',
  request: 'requests',
};

const UNIT_PHRASES: Record<string, string> = {
  image: 'image',
  megapixel: 'megapixel',
  second: 'second of video',
  minute: 'minute of audio',
  '1k-characters': '1,000 characters',
  request: 'request',
};

const MIME_PATTERNS = { image: '/^image\\//', video: '/^video\\//', audio: '/^audio\\//', text: '/^text\\/plain/' } as const;

/**
 * `nx g @boards/tools:generator <name> --provider --model --artifact [--price --unit]`:
 * scaffolds packages/<name> in the repository's conventions and returns a callback that
 * runs `npm install`, so the lock file learns the new workspace package.
 */
export async function generatorGenerator(tree: Tree, schema: GeneratorGeneratorSchema): Promise<GeneratorCallback> {
  const options = normalizeOptions(tree, schema);
  const starter = starterFor(options);
  generateFiles(tree, join(__dirname, 'files', 'package'), options.projectRoot, substitutions(tree, options, starter));
  if (options.snapshot) {
    // The document the package was built from: its unit tests hold it to it, `boards drift` compares it with what is published.
    tree.write(`${options.projectRoot}/snapshot.json`, `${JSON.stringify(options.snapshot, null, 2)}\n`);
  } else {
    const gap = emulatorGap(tree, options);
    if (gap) logger.warn(gap);
  }
  const listed = takeOffLeftOut(tree, options);
  // The workspace's formatter (prettier) aligns what the templates cannot: the README's table, long lines.
  await formatFiles(tree);
  return () => {
    if (!options.skipInstall) installPackagesTask(tree, true);
    logger.info(summary(options, listed));
  };
}

export default generatorGenerator;

function substitutions(tree: Tree, o: NormalizedOptions, s: Starter): Record<string, unknown> {
  const cheapest = expectedEstimate(o, s.cheapestQuantity);
  return {
    ...o,
    q,
    providerTitle: o.descriptor.displayName,
    keyVariable: keyVariable(o.provider),
    zodVersion: zodRange(tree),
    define: s.define,
    imports: s.imports.join('\n'),
    preamble: s.preamble ? `\n${s.preamble}` : '',
    fields: s.fields.join('\n'),
    priceLiteral: priceLiteral(o),
    cheapestInput: s.cheapestInput,
    estimate: s.estimate,
    run: s.run,
    testImports: [
      ...s.test.imports,
      `import { createTestContext, ${o.snapshot ? 'describeSnapshotCheck, ' : ''}runConformanceSuite, useEmulator } from '@boards/testing';`,
    ].join('\n'),
    generatorImports: [o.constName, ...(s.samples ?? [])].join(', '),
    snapshotCheck: o.snapshot ? `\ndescribeSnapshotCheck(${o.constName}, __dirname);\n` : '',
    snapshotDoc: o.snapshot
      ? `\nThe input schema was built from [snapshot.json](snapshot.json), ${o.snapshot.provenance.how.split('. Replace')[0]}. ` +
        `\`npx boards drift ${o.name}\` compares it with what ${o.descriptor.displayName} publishes; \`npx boards drift --update ${o.name}\` replaces it, and \`npx nx test ${o.name}\` then names what must change.\n`
      : '',
    familyLine: `  family: ${q(o.family)},\n`,
    extraTags: `, "${familyTag({ id: o.name, family: o.family })}"`,
    invalidInputs: s.invalidInputs.map((line) => `    ${line},`).join('\n'),
    testSetup: s.test.setup,
    testTitle: s.test.title,
    testInput: s.test.input,
    requestAssertions: s.test.requestAssertions,
    artifactAssertions: s.test.artifactAssertions,
    estimateAssertion: estimateAssertion(o, expectedEstimate(o, s.test.quantity, s.test.unknownReason)),
    liveTitle: s.liveTitle,
    mimePattern: MIME_PATTERNS[o.artifact],
    inputsDoc: s.inputsDoc,
    cheapestDoc: s.cheapestDoc,
    cheapestCost: cheapest.known ? `about $${formatUsd(cheapest.micros)}` : `cost unknown (refused unless ${ALLOW_UNKNOWN_VARIABLE}=1)`,
    priceDoc: priceDoc(o),
    priceNote: o.priceFromTable
      ? `\nThe price was filled in by \`nx g @boards/tools:generator\` from its table of published prices\n(${o.price.source}); re-check it there before relying on it.\n`
      : o.price.unknown
        ? `\nNo price could be verified (checked ${o.price.checkedOn}: ${o.price.reason}). The estimate is unknown, never $0, and a live run ` +
          `refuses the live test unless \`${ALLOW_UNKNOWN_VARIABLE}=1\`. The estimate already counts ${UNIT_COUNTED[o.unit]}: once a price ` +
          `is published, replace \`unknownPrice({...})\` with \`{ usd, unit, checkedOn, source }\`.\n`
        : '',
  };
}

function priceDoc(o: NormalizedOptions): string {
  const { price } = o;
  if (price.unknown) return `unknown per ${UNIT_PHRASES[o.unit]} (checked ${price.checkedOn})`;
  return `$${formatUsd(priceMicros(price))} per ${UNIT_PHRASES[price.unit]} (checked ${price.checkedOn})${price.note ? `; ${price.note}` : ''}`;
}

/** The price as the generator declares it: `{ usd, unit, checkedOn, source }`, or `unknownPrice({ reason, ... })`. */
function priceLiteral(o: NormalizedOptions): string {
  const { price } = o;
  const parts = price.unknown
    ? [`reason: ${q(price.reason)}`, `checkedOn: ${q(price.checkedOn)}`, `source: ${q(price.source ?? '')}`, `unit: ${q(o.unit)}`]
    : [`usd: ${q(price.usd)}`, `unit: ${q(price.unit)}`, `checkedOn: ${q(price.checkedOn)}`, `source: ${q(price.source ?? '')}`];
  if (price.note) parts.push(`note: ${q(price.note)}`);
  const [open, close] = price.unknown ? ['unknownPrice({', '})'] : ['{', '} as const'];
  const line = `${open} ${parts.join(', ')} ${close}`;
  return line.length <= 110 ? line : `${open}\n${parts.map((p) => `  ${p},`).join('\n')}\n${close}`;
}

/** The unit test's check of the estimate of its input: the micro-dollars, or unknown with the reason (never $0). */
function estimateAssertion(o: NormalizedOptions, estimate: CostEstimate): string {
  if (estimate.known) return `toMatchObject({ known: true, micros: ${formatMicros(estimate.micros)} })`;
  // An unknown price's reason is long (the source): the check holds to its start.
  const reason = o.price.unknown && estimate.reason.startsWith('the price per') ? `the price per ${o.unit} is unknown` : estimate.reason;
  return `toEqual({ known: false, reason: expect.stringContaining(${q(reason)}) })`;
}

/** 78000 -> "78_000", as the existing tests write micro-dollars. */
function formatMicros(micros: number): string {
  return String(micros).replace(/\B(?=(\d{3})+(?!\d))/g, '_');
}

/** The zod range the other packages use, so every package resolves the same zod. */
function zodRange(tree: Tree): string {
  const root = tree.exists('package.json') ? readJson(tree, 'package.json') : {};
  return root.dependencies?.zod ?? root.devDependencies?.zod ?? '^4.6.7';
}

/**
 * The emulator answers models it holds no snapshot of with 404, as the providers do: a package
 * written without a snapshot relies on one the emulator already has (its reference snapshots,
 * libs/emulator/snapshots/<provider>/, or another package's snapshot.json of the same model).
 */
function emulatorGap(tree: Tree, o: NormalizedOptions): string | undefined {
  if (!o.scaffold.emulatorModels) return undefined;
  const model = o.model.split(':')[0];
  const reference = `libs/emulator/snapshots/${o.provider}/${model.replace(/\//g, '__')}.json`;
  if (tree.exists(reference)) return undefined;
  const packages = tree.exists('packages') ? tree.children('packages') : [];
  const held = packages.some((dir) => {
    const file = `packages/${dir}/snapshot.json`;
    if (!tree.exists(file)) return false;
    try {
      const snapshot = JSON.parse(tree.read(file, 'utf-8') ?? '{}') as { provider?: string; model?: string };
      return snapshot.provider === o.provider && snapshot.model?.split(':')[0] === model;
    } catch {
      return false;
    }
  });
  if (held) return undefined;
  return `The emulator ${o.scaffold.emulatorModels.unknownAnswer}: it holds no snapshot of ${o.model} (${reference} or a package's snapshot.json); give ${o.name} one (--snapshot, or boards drift --update ${o.name} online) so its unit tests and drift check run.`;
}

/**
 * The catalogue's list of models without a package (tools/catalogue/left-out.json) loses the model
 * the new package serves; the reason it had is returned for the summary.
 */
function takeOffLeftOut(tree: Tree, o: NormalizedOptions): LeftOutModel | undefined {
  if (!tree.exists(LEFT_OUT_FILE)) return undefined;
  const list = readJson<{ models: LeftOutModel[] }>(tree, LEFT_OUT_FILE);
  const listed = list.models.find((m) => m.provider === o.provider && m.model === o.model);
  if (listed) writeJson(tree, LEFT_OUT_FILE, { ...list, models: list.models.filter((m) => m !== listed) });
  return listed;
}

function summary(o: NormalizedOptions, leftOut: LeftOutModel | undefined): string {
  const lines = [
    `Created ${o.projectRoot} (@boards/${o.name}; tags generator, ${o.provider}, ${o.artifact}).`,
    ...(leftOut ? [`Took ${o.model} off ${LEFT_OUT_FILE} (it was left out: ${leftOut.reason}).`] : []),
    `Price: ${describePrice(o.price)}${o.priceFromTable ? ` from the plugin's table of published prices: re-check ${o.price.source}` : ''}.`,
    `Next: npx nx test ${o.name} && npx nx test-live ${o.name} -c emulator`,
  ];
  if (o.skipInstall) lines.push('Run `npm install` so package-lock.json knows the new workspace package.');
  return lines.join('\n');
}
