/**
 * The scaffolder renders every supported provider, artifact and unit as code that type-checks: a
 * TypeScript program over what it wrote (seconds), so in the integration tier; generator.spec.ts
 * checks the files themselves.
 */
import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { generatorGenerator } from './generator';
import type { GeneratorGeneratorSchema } from './schema';
import { typecheck } from '../../../test-support/scaffold-tree';

// prettier is an ES module jest cannot import: the formatter is not what this test is about.
jest.mock('@nx/devkit', () => ({ ...jest.requireActual('@nx/devkit'), formatFiles: jest.fn(async () => undefined) }));

const fluxDev: GeneratorGeneratorSchema = { name: 'demo-gen', provider: 'fal', model: 'fal-ai/flux/dev', artifact: 'image', skipInstall: true };

describe('@boards/tools:generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('renders every supported provider, artifact and unit as code that type-checks', async () => {
    const cases: GeneratorGeneratorSchema[] = [
      fluxDev,
      { ...fluxDev, name: 'fal-flat', model: 'fal-ai/x', price: '0.03', unit: 'request' },
      { ...fluxDev, name: 'rep-image', provider: 'replicate', model: 'black-forest-labs/flux-schnell' },
      { ...fluxDev, name: 'rep-pinned', provider: 'replicate', model: `acme/model:${'a'.repeat(64)}`, price: '0.01' },
      { ...fluxDev, name: 'rep-video', provider: 'replicate', model: 'acme/video', artifact: 'video', price: '0.1' },
      { ...fluxDev, name: 'fal-video', model: 'fal-ai/new-video', artifact: 'video', price: '0.1' },
      { ...fluxDev, name: 'fal-speech', model: 'fal-ai/elevenlabs/tts/turbo-v2.5', artifact: 'audio' },
      { ...fluxDev, name: 'rep-speech', provider: 'replicate', model: 'acme/tts', artifact: 'audio', price: '0.02' },
      { ...fluxDev, name: 'oa-image', provider: 'openai', model: 'gpt-image-2', price: '0.053' },
      { ...fluxDev, name: 'oa-text', provider: 'openai', model: 'whisper-1', artifact: 'text' },
      { ...fluxDev, name: 'oa-text-flat', provider: 'openai', model: 'gpt-4o-transcribe', artifact: 'text', price: '0.01', unit: 'request' },
      { ...fluxDev, name: 'kie-image', provider: 'kie', model: 'seedream/4.5-text-to-image' },
      { ...fluxDev, name: 'kie-other', provider: 'kie', model: 'google/nano-banana', price: '0.02' },
      { ...fluxDev, name: 'fal-unpriced', model: 'fal-ai/flux-2', price: 'unknown', unit: 'megapixel' },
      { ...fluxDev, name: 'fal-seconds', model: 'fal-ai/veo3.1/fast', artifact: 'video', price: 'unknown', unit: 'second' },
      { ...fluxDev, name: 'fal-lipsync', model: 'veed/lipsync', artifact: 'video', price: '0.1', unit: 'second' },
      { ...fluxDev, name: 'fal-minimax-speech', model: 'fal-ai/minimax/speech-2.6-turbo', artifact: 'audio', price: 'unknown', unit: '1k-characters' },
      { ...fluxDev, name: 'rep-unpriced', provider: 'replicate', model: 'acme/video', artifact: 'video', price: 'unknown' },
    ];
    for (const options of cases) await generatorGenerator(tree, options);
    expect(
      typecheck(
        tree,
        cases.map((c) => `packages/${c.name}`),
      ),
    ).toEqual([]);
  }, 60_000);
});
