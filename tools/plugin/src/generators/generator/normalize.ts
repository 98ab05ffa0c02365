import { createRequire } from 'node:module';
import { join } from 'node:path';
import { getProjects, logger, names, type Tree } from '@nx/devkit';
import {
  InvalidConfigError,
  providerDescriptors,
  type KnownPrice,
  type Price,
  type ProviderDescriptor,
  type PublishedDocumentSource,
  type ScaffoldFacts,
} from '@boards/core';
import { describePrice, priceMicros, unknownPrice } from '@boards/cost';
import { readFileSync } from 'node:fs';
import { fileMedia, publishedArtifact, publishedInputFields } from './from-snapshot';
import type { GeneratorGeneratorSchema } from './schema';
import { seederOf, type PublishedSnapshot as Snapshot } from './seeder';

export type Provider = GeneratorGeneratorSchema['provider'];
export type ArtifactKind = NonNullable<GeneratorGeneratorSchema['artifact']>;
export type Unit = NonNullable<GeneratorGeneratorSchema['unit']>;

export interface NormalizedOptions {
  name: string;
  provider: Provider;
  /** The provider's descriptor (from its adapter package) and what it says about scaffolding. */
  descriptor: ProviderDescriptor;
  scaffold: ScaffoldFacts;
  model: string;
  artifact: ArtifactKind;
  /** The price: given, from the provider's table, or unknown (`--price=unknown`), never a guess. */
  price: Price;
  /** The unit the estimate counts: the price's, or the one an unknown price will be billed in. */
  unit: Unit;
  /** True when the price came from the plugin's table rather than --price. */
  priceFromTable: boolean;
  projectRoot: string;
  /** `demoGen`: the generator's export; `demoGenInput`: its input schema. */
  constName: string;
  inputName: string;
  title: string;
  /** "Text to image": what the generator does. */
  phrase: string;
  description: string;
  skipInstall: boolean;
  /** The provider's published document the package is built from, written as snapshot.json. */
  snapshot?: Snapshot;
  /** Provider-free model family: tag family:<family>. */
  family: string;
}

/** Units whose quantity the starter schema can compute before anything is sent. */
const UNITS: Record<ArtifactKind, Unit[]> = {
  image: ['image', 'megapixel', 'request'],
  video: ['second', 'request'],
  audio: ['1k-characters', 'request'],
  text: ['minute', 'request'],
};

const PHRASES: Record<ArtifactKind, string> = { image: 'Text to image', video: 'Text to video', audio: 'Text to speech', text: 'Speech to text' };

/**
 * Nx runs this generator with a TypeScript loader of its own that `require` does not reach, and
 * provider discovery requires each adapter's `src/descriptor.ts`: register the workspace's
 * source loader (as the CLI does) when `require` has no TypeScript handler. Jest has its own.
 */
function ensureSourceLoader(): void {
  const extensions = require.extensions as Record<string, unknown> | undefined;
  if (extensions && '.js' in extensions && !('.ts' in extensions)) createRequire(__filename)(join(__dirname, '../../../../register-sources.js'));
}

function fail(setting: string, problem: string): never {
  throw new InvalidConfigError(setting, problem);
}

function oneOf<T extends string>(setting: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) fail(setting, `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  return value as T;
}

/** "Image to image" when the published input requires a file (an edit), else the artifact's phrase. */
function phraseOf(artifact: ArtifactKind, snapshot: Snapshot | undefined, document: PublishedDocumentSource | undefined): string {
  const media = snapshot && publishedInputFields(snapshot, document).flatMap((f) => (f.required ? (fileMedia(f) ?? []) : []))[0];
  if (!media) return PHRASES[artifact];
  return `${media[0].toUpperCase()}${media.slice(1)} to ${artifact}`;
}

/** A generator id from a model id: owner/flux-pro/v1.1-ultra -> flux-pro-v1-1-ultra. */
export function idFromModel(model: string): string {
  return model
    .split(':')[0]
    .split('/')
    .slice(1)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The snapshot to build from: --snapshot's file, else seeded offline by the adapter's seeder. */
function loadSnapshot(raw: GeneratorGeneratorSchema, scaffold: ScaffoldFacts, provider: string, model: string, today: Date): Snapshot | undefined {
  if (raw.snapshot) {
    let snapshot: Snapshot;
    try {
      snapshot = JSON.parse(readFileSync(raw.snapshot, 'utf8')) as Snapshot;
    } catch (error) {
      fail('--snapshot', `${raw.snapshot} is not a readable snapshot.json: ${(error as Error).message}`);
    }
    if (snapshot.provider !== provider || snapshot.model !== model) {
      fail('--snapshot', `${raw.snapshot} is the snapshot of ${snapshot.provider} ${snapshot.model}, not ${provider} ${model}`);
    }
    return snapshot;
  }
  const seeder = seederOf(scaffold);
  if (!seeder) return undefined;
  try {
    return seeder.seedSnapshot(model, today);
  } catch (error) {
    // A model newer than what the seeder reads: the hand starter, with the emulator's facts.
    logger.warn(
      `${(error as Error).message.replace(/^--model: /, '')}: scaffolding the starter schema instead; pass --snapshot=<file> to build from a stored document`,
    );
    return undefined;
  }
}

export function normalizeOptions(tree: Tree, raw: GeneratorGeneratorSchema, today = new Date()): NormalizedOptions {
  const name = String(raw.name ?? idFromModel(String(raw.model ?? ''))).trim();
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) fail('--name', `"${name}" is not a kebab-case id starting with a letter (e.g. flux-schnell)`);
  const projectRoot = `packages/${name}`;
  if (tree.exists(projectRoot)) fail('--name', `${projectRoot} already exists; pick another name or remove it first`);
  const clash = getProjects(tree).get(name);
  if (clash) fail('--name', `an Nx project named ${name} already exists at ${clash.root}`);

  // The installed adapters that describe how to scaffold for them (their descriptor's `scaffold`).
  ensureSourceLoader();
  const scaffolded = providerDescriptors().filter((d) => d.scaffold);
  const unscaffolded = providerDescriptors().find((d) => d.name === raw.provider && !d.scaffold);
  if (unscaffolded) {
    fail(
      '--provider',
      `${unscaffolded.displayName}'s adapter is installed but describes no scaffold (its descriptor has no \`scaffold\` facts): write its generators by hand (see packages/${unscaffolded.name}-*), or scaffold for ${scaffolded.map((d) => d.name).join(', ')}`,
    );
  }
  const provider = oneOf(
    '--provider',
    raw.provider,
    scaffolded.map((d) => d.name),
  );
  const descriptor = scaffolded.find((d) => d.name === provider) as ProviderDescriptor;
  const scaffold = descriptor.scaffold as ScaffoldFacts;
  const model = String(raw.model ?? '').trim();
  const { pattern, shape } = scaffold.modelId;
  if (!pattern.test(model)) fail('--model', `"${model}" is not a ${descriptor.displayName} model id (${shape})`);
  const snapshot = loadSnapshot(raw, scaffold, provider, model, today);
  const published = snapshot && publishedArtifact(snapshot, descriptor.published?.document);
  if (raw.artifact === undefined && !published)
    fail('--artifact', `say what ${model} produces (image, video, audio or text): its published output schema does not tell`);
  const artifact = oneOf('--artifact', raw.artifact ?? published, ['image', 'video', 'audio', 'text'] as const);
  if (!scaffold.artifacts.includes(artifact)) {
    fail('--artifact', `${artifact} is not scaffolded for ${provider} (its adapter supports ${scaffold.artifacts.join(', ')})`);
  }

  const { price, unit, priceFromTable } = resolvePrice(raw, descriptor, scaffold, model, artifact, today);
  const constName = names(name).propertyName;
  return {
    name,
    provider,
    descriptor,
    scaffold,
    model,
    artifact,
    price,
    unit,
    priceFromTable,
    projectRoot,
    constName,
    inputName: `${constName}Input`,
    title: titleOf(name),
    phrase: phraseOf(artifact, snapshot, descriptor.published?.document),
    description: `${phraseOf(artifact, snapshot, descriptor.published?.document)} with ${model} on ${descriptor.displayName}`,
    skipInstall: raw.skipInstall === true,
    snapshot,
    family: raw.family ? String(raw.family).trim() : name,
  };
}

/**
 * --price wins (`--price=unknown` when no price can be verified: never a guess, never $0); without
 * it the plugin's table of published prices; without both, a clear refusal.
 */
function resolvePrice(
  raw: GeneratorGeneratorSchema,
  descriptor: ProviderDescriptor,
  scaffold: ScaffoldFacts,
  model: string,
  artifact: ArtifactKind,
  today: Date,
): { price: Price; unit: Unit; priceFromTable: boolean } {
  const provider = descriptor.name;
  const given = raw.price === undefined || raw.price === '' ? undefined : String(raw.price).trim();
  const unit = raw.unit === undefined ? undefined : oneOf('--unit', raw.unit, UNITS[artifact]);
  if (unit === 'megapixel' && !scaffold.megapixelPresets) {
    const presets = providerDescriptors()
      .filter((d) => d.scaffold?.megapixelPresets)
      .map((d) => d.name);
    fail('--unit', `megapixel is scaffolded for ${presets.join(', ')} image endpoints (size presets billed per megapixel) only`);
  }
  if (raw.reason !== undefined && given !== 'unknown') fail('--reason', 'says why a price is unknown: pass it with --price=unknown');
  const known = scaffold.knownPrices?.[model];
  if (given === undefined) {
    if (!known) {
      const u = unit ?? UNITS[artifact][0];
      fail(
        '--price',
        `no published price is known to the plugin for ${provider} model ${model}: pass --price=<USD per ${u}> read from ${raw.source ?? scaffold.priceSource(model)}, ` +
          `or --price=unknown (with --reason) when none can be verified. An unknown price is never estimated as $0.`,
      );
    }
    if (unit && unit !== known.unit) fail('--unit', `${unit} needs --price: the known price of ${model} is ${describePrice(known)}`);
    if (!UNITS[artifact].includes(known.unit as Unit)) {
      fail('--price', `the known price of ${model} is ${describePrice(known)}, which a ${artifact} starter cannot estimate: pass --price and --unit`);
    }
    return { price: known, unit: known.unit as Unit, priceFromTable: true };
  }
  const checkedOn = raw.checkedOn ?? today.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(checkedOn)) fail('--checkedOn', `"${checkedOn}" is not a YYYY-MM-DD date`);
  const source = raw.source ?? scaffold.priceSource(model);
  if (given === 'unknown') {
    if (known) fail('--price', `the plugin knows the published price of ${model}, ${describePrice(known)}: leave --price out to use it`);
    // The unit the estimate counts in (the provider's billing unit, or the artifact's usual one): only the dollars are unknown.
    const billedIn = unit ?? UNITS[artifact][0];
    const reason = raw.reason?.trim() || `no price for ${model} could be verified on ${source}`;
    return { price: unknownPrice({ reason, checkedOn, source, unit: billedIn }), unit: billedIn, priceFromTable: false };
  }
  const priced = unit ?? UNITS[artifact][0];
  const price: KnownPrice = { usd: given, unit: priced, checkedOn, source };
  let micros = 0;
  try {
    micros = priceMicros(price);
  } catch (error) {
    fail('--price', (error as Error).message);
  }
  if (micros === 0) fail('--price', 'a price of $0 is refused: an unknown price is --price=unknown, never $0');
  return { price, unit: priced, priceFromTable: false };
}

/**
 * A readable first title from a generator id, for review to improve: words capitalised, and a
 * version split by the id's dashes put back together ("veo3-1-fast" -> "Veo3.1 Fast",
 * "minimax-speech-2-6-hd" -> "Minimax Speech 2.6 Hd").
 */
export function titleOf(name: string): string {
  const words: string[] = [];
  for (const word of name.split('-').filter(Boolean)) {
    const last = words[words.length - 1];
    if (/^\d+$/.test(word) && last !== undefined && /\d$/.test(last)) words[words.length - 1] = `${last}.${word}`;
    else words.push(word[0].toUpperCase() + word.slice(1));
  }
  return words.join(' ');
}
