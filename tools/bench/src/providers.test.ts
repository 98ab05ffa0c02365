import { join } from 'node:path';
import { providerDescriptors, type BenchSdkEnv, type BenchSdkPath, type ProviderDescriptor } from '@boards/core';
import { generatorLoader } from './generators';
import { benchedProviders, scaffoldExamples } from './providers';

const workspace = join(__dirname, '../../..');

describe('the providers the bench measures and scaffolds, from their descriptors', () => {
  it('takes the scaffold examples in turns, one provider after another', () => {
    const provider = (name: string, models: string[]) =>
      ({ name, scaffold: { examples: models.map((model) => ({ model, artifact: 'image' })) } }) as unknown as ProviderDescriptor;
    const examples = scaffoldExamples([provider('a', ['a1', 'a2', 'a3']), provider('b', ['b1']), provider('c', [])]);
    expect(examples.map((e) => `${e.provider}:${e.model}`)).toEqual(['a:a1', 'b:b1', 'a:a2', 'a:a3']);
  });

  it('measures every installed adapter through one of its generator packages, and loads its SDK paths', async () => {
    const benched = benchedProviders(workspace);
    expect(benched.map((p) => p.name)).toEqual(['fal', 'kie', 'openai', 'replicate']);
    const { ids } = generatorLoader(workspace);
    const env: BenchSdkEnv = {
      baseUrl: 'http://127.0.0.1:9',
      apiKey: 'bench-dummy:key',
      model: 'acme/model',
      input: {},
      bytesOf: async () => new Uint8Array(),
      save: () => undefined,
    };
    for (const p of benched) {
      expect(ids).toContain(p.bench.generator);
      if (!p.bench.sdkPaths) continue;
      const { sdkPaths } = (await import(p.bench.sdkPaths)) as { sdkPaths(env: BenchSdkEnv): BenchSdkPath[] };
      // One SDK default per provider: the baseline of the adapter's ratio.
      expect(sdkPaths(env).filter((path) => path.sdkDefault)).toHaveLength(1);
    }
  });

  it("puts every scaffolded provider in the scale run's first round", () => {
    const first = scaffoldExamples(providerDescriptors(workspace)).slice(0, 4);
    expect(first.map((e) => e.provider)).toEqual(['fal', 'kie', 'openai', 'replicate']);
  });
});
