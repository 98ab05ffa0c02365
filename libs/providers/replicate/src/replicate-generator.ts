import type { z } from 'zod';
import { generatorSettings } from '@boards/config';
import {
  collectUrls,
  defineGenerator,
  storeOutputUrls,
  storeText,
  type Artifact,
  type Generator,
  type GeneratorContext,
  type GeneratorSpec,
} from '@boards/core';
import { replicateOptionsFor, type ReplicateAdapterOptions } from './replicate-client';
import { runReplicatePrediction, type ReplicatePrediction } from './replicate-prediction';

export interface ReplicateGeneratorSpec<Schema extends z.ZodType> extends Omit<GeneratorSpec<Schema>, 'provider' | 'run'> {
  /** Maps the validated input to the model's input. Default: the input unchanged. */
  toProviderInput?(input: z.output<Schema>): Record<string, unknown>;
  /** Turns the succeeded prediction into artifacts. Default: every output URL downloaded as `artifactType`; text output stored as text. */
  toArtifacts?(prediction: ReplicatePrediction, ctx: GeneratorContext): Promise<Artifact[]>;
  /** Adapter overrides (timeouts, polling); keys and base URL come from the context's settings. */
  adapter?: ReplicateAdapterOptions;
}

async function defaultArtifacts(prediction: ReplicatePrediction, ctx: GeneratorContext, type: GeneratorSpec<z.ZodType>['artifactType']): Promise<Artifact[]> {
  if (type === 'text') {
    const output = prediction.output;
    const text = Array.isArray(output) ? output.join('') : typeof output === 'string' ? output : JSON.stringify(output);
    return [await storeText(ctx, text)];
  }
  return storeOutputUrls(ctx, collectUrls(prediction.output), { provider: 'replicate', type, jobId: prediction.id });
}

/** A generator for a Replicate model: the package declares the model, schema, price and mapping; this does the protocol. */
export function defineReplicateGenerator<Schema extends z.ZodType>(spec: ReplicateGeneratorSpec<Schema>): Generator<Schema> {
  const { toProviderInput, toArtifacts, adapter, ...declared } = spec;
  return defineGenerator(
    {
      ...declared,
      provider: 'replicate',
      timeoutMs: adapter?.timeoutMs,
      async run(input, ctx) {
        const modelInput = toProviderInput ? toProviderInput(input) : (input as Record<string, unknown>);
        const prediction = await runReplicatePrediction(spec.model, modelInput, ctx, replicateOptionsFor(ctx, adapter));
        const artifacts = toArtifacts ? await toArtifacts(prediction, ctx) : await defaultArtifacts(prediction, ctx, spec.artifactType);
        return { artifacts, providerJobId: prediction.id };
      },
    },
    generatorSettings(),
  );
}
