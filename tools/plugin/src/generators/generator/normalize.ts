import { getProjects, names, type Tree } from '@nx/devkit';
import { InvalidConfigError, type Price } from '@boards/core';
import { describePrice, priceMicros } from '@boards/cost';
import { knownPrice } from './known-prices';
import type { GeneratorGeneratorSchema } from './schema';

export type Provider = GeneratorGeneratorSchema['provider'];
export type ArtifactKind = GeneratorGeneratorSchema['artifact'];
export type Unit = NonNullable<GeneratorGeneratorSchema['unit']>;

export interface NormalizedOptions {
  name: string;
  provider: Provider;
  model: string;
  artifact: ArtifactKind;
  price: Price;
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
}

/** What each adapter can scaffold: the adapters have operations for these outputs. */
const ARTIFACTS: Record<Provider, ArtifactKind[]> = {
  replicate: ['image', 'video', 'audio'],
  fal: ['image', 'video', 'audio'],
  openai: ['image', 'text'],
};

/** Units whose quantity the starter schema can compute before anything is sent. */
const UNITS: Record<ArtifactKind, Unit[]> = {
  image: ['image', 'megapixel', 'request'],
  video: ['second', 'request'],
  audio: ['1k-characters', 'request'],
  text: ['minute', 'request'],
};

const MODEL_IDS: Record<Provider, [RegExp, string]> = {
  replicate: [/^[\w.-]+\/[\w.-]+(:[0-9a-f]{64})?$/, 'owner/name or owner/name:<64-hex version>'],
  fal: [/^[\w.-]+(\/[\w.-]+)+$/, 'an endpoint id such as fal-ai/flux/dev'],
  openai: [/^[\w.-]+$/, 'a model name such as gpt-image-2'],
};

const SOURCES: Record<Provider, (model: string) => string> = {
  replicate: (model) => `https://replicate.com/${model.split(':')[0]}`,
  fal: (model) => `https://fal.ai/models/${model}`,
  openai: () => 'https://openai.com/api/pricing',
};

export const PROVIDER_TITLES: Record<Provider, string> = { replicate: 'Replicate', fal: 'fal', openai: 'OpenAI' };
const PHRASES: Record<ArtifactKind, string> = { image: 'Text to image', video: 'Text to video', audio: 'Text to speech', text: 'Speech to text' };

function fail(setting: string, problem: string): never {
  throw new InvalidConfigError(setting, problem);
}

function oneOf<T extends string>(setting: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) fail(setting, `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  return value as T;
}

export function normalizeOptions(tree: Tree, raw: GeneratorGeneratorSchema, today = new Date()): NormalizedOptions {
  const name = String(raw.name ?? '').trim();
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) fail('--name', `"${name}" is not a kebab-case id starting with a letter (e.g. flux-schnell)`);
  const projectRoot = `packages/${name}`;
  if (tree.exists(projectRoot)) fail('--name', `${projectRoot} already exists; pick another name or remove it first`);
  const clash = getProjects(tree).get(name);
  if (clash) fail('--name', `an Nx project named ${name} already exists at ${clash.root}`);

  const provider = oneOf('--provider', raw.provider, ['replicate', 'fal', 'openai'] as const);
  const model = String(raw.model ?? '').trim();
  const [pattern, shape] = MODEL_IDS[provider];
  if (!pattern.test(model)) fail('--model', `"${model}" is not a ${PROVIDER_TITLES[provider]} model id (${shape})`);
  const artifact = oneOf('--artifact', raw.artifact, ['image', 'video', 'audio', 'text'] as const);
  if (!ARTIFACTS[provider].includes(artifact)) {
    fail('--artifact', `${artifact} is not scaffolded for ${provider} (its adapter supports ${ARTIFACTS[provider].join(', ')})`);
  }

  const { price, priceFromTable } = resolvePrice(raw, provider, model, artifact, today);
  const constName = names(name).propertyName;
  return {
    name,
    provider,
    model,
    artifact,
    price,
    priceFromTable,
    projectRoot,
    constName,
    inputName: `${constName}Input`,
    title: name
      .split('-')
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(' '),
    phrase: PHRASES[artifact],
    description: `${PHRASES[artifact]} with ${model} on ${PROVIDER_TITLES[provider]}`,
    skipInstall: raw.skipInstall === true,
  };
}

/** --price wins; without it the plugin's table of published prices; without both, a clear refusal (never $0). */
function resolvePrice(raw: GeneratorGeneratorSchema, provider: Provider, model: string, artifact: ArtifactKind, today: Date) {
  const given = raw.price === undefined || raw.price === '' ? undefined : String(raw.price).trim();
  const unit = raw.unit === undefined ? undefined : oneOf('--unit', raw.unit, UNITS[artifact]);
  if (unit === 'megapixel' && provider !== 'fal') fail('--unit', 'megapixel is scaffolded for fal image endpoints (image_size presets) only');
  if (given === undefined) {
    const known = knownPrice(provider, model);
    if (!known) {
      const u = unit ?? UNITS[artifact][0];
      fail(
        '--price',
        `no published price is known to the plugin for ${provider} model ${model}: pass --price=<USD per ${u}> read from ${raw.source ?? SOURCES[provider](model)}. An unknown price is never estimated as $0.`,
      );
    }
    if (unit && unit !== known.unit) fail('--unit', `${unit} needs --price: the known price of ${model} is ${describePrice(known)}`);
    if (!UNITS[artifact].includes(known.unit as Unit)) {
      fail('--price', `the known price of ${model} is ${describePrice(known)}, which a ${artifact} starter cannot estimate: pass --price and --unit`);
    }
    return { price: known, priceFromTable: true };
  }
  const checkedOn = raw.checkedOn ?? today.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(checkedOn)) fail('--checkedOn', `"${checkedOn}" is not a YYYY-MM-DD date`);
  const price: Price = { usd: given, unit: unit ?? UNITS[artifact][0], checkedOn, source: raw.source ?? SOURCES[provider](model) };
  let micros = 0;
  try {
    micros = priceMicros(price);
  } catch (error) {
    fail('--price', (error as Error).message);
  }
  if (micros === 0) fail('--price', 'a price of $0 is refused: an unknown price is unknown, never $0');
  return { price, priceFromTable: false };
}
