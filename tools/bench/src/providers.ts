/**
 * The providers the bench measures and scaffolds, from the installed adapters' descriptors (their
 * `bench` and `scaffold.examples` facts): the bench names no provider itself.
 */
import { providerDescriptors, type BenchFacts, type ProviderDescriptor, type ScaffoldExample } from '@boards/core';

export type BenchedProvider = ProviderDescriptor & { bench: BenchFacts };

/** The adapters installed in `workspace` whose descriptors say what the bench measures of them, by name. */
export function benchedProviders(workspace: string): BenchedProvider[] {
  return providerDescriptors(workspace).filter((d): d is BenchedProvider => d.bench !== undefined);
}

export type ProviderExample = ScaffoldExample & { provider: string };

/** Every provider's scaffold examples, taken in turns (the first of each provider, then the second...), so any run of them spans the providers. */
export function scaffoldExamples(descriptors: readonly ProviderDescriptor[]): ProviderExample[] {
  const lists = descriptors.map((d) => (d.scaffold?.examples ?? []).map((e): ProviderExample => ({ provider: d.name, ...e })));
  const longest = Math.max(0, ...lists.map((l) => l.length));
  return Array.from({ length: longest }, (_, i) => lists.flatMap((l) => l[i] ?? [])).flat();
}
