import type { z } from 'zod';
import { generatorSettings } from '@boards/config';
import {
  collectUrls,
  defineGenerator,
  deriveActualCost,
  resolveUpload,
  storeOutputUrls,
  type Artifact,
  type ArtifactType,
  type Generator,
  type GeneratorContext,
  type GeneratorSpec,
  type Price,
} from '@boards/core';
import { unitRate } from '@boards/cost';
import { falOptionsFor, type FalAdapterOptions } from './fal-client';
import { openFalGeneration, runFalRequest, uploadToFal, type FalResult } from './fal-queue';

export interface FalGeneratorSpec<Schema extends z.ZodType> extends Omit<GeneratorSpec<Schema>, 'provider' | 'run'> {
  /**
   * Maps the validated input to the endpoint's input. `upload` resolves an input
   * artifact (path, URL or storageUrl) and uploads it to fal storage, returning its URL;
   * with `accept`, a file of another media type or over that type's size cap is refused first.
   * Default: the input unchanged.
   */
  toProviderInput?(
    input: z.output<Schema>,
    upload: (ref: string, accept?: ArtifactType) => Promise<string>,
  ): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Turns the result into artifacts. Default: every URL in the result downloaded as `artifactType`. */
  toArtifacts?(result: FalResult, ctx: GeneratorContext): Promise<Artifact[]>;
  /**
   * The price fal's billable units (`x-fal-billable-units`) are counted in, for the actual
   * cost of this input. Default: `price` (e.g. veo3 bills seconds at its audio rate when asked).
   */
  billedPrice?(input: z.output<Schema>): Price;
  adapter?: FalAdapterOptions;
}

/** A generator for a fal endpoint: the package declares endpoint, schema, price and mapping; this does the queue protocol. */
export function defineFalGenerator<Schema extends z.ZodType>(spec: FalGeneratorSpec<Schema>): Generator<Schema> {
  const { toProviderInput, toArtifacts, billedPrice, adapter, ...declared } = spec;
  return defineGenerator(
    {
      ...declared,
      provider: 'fal',
      timeoutMs: adapter?.timeoutMs,
      async run(input, ctx) {
        // One client for the uploads and the request (key and base URL resolved once, from the context's settings).
        const options = falOptionsFor(ctx, adapter);
        const generation = openFalGeneration(options, ctx);
        const upload = async (ref: string, accept?: ArtifactType) => {
          const file = await resolveUpload(ctx, ref, accept);
          return uploadToFal(file.bytes, file.mimeType, file.fileName, ctx, options, generation);
        };
        const endpointInput = toProviderInput ? await toProviderInput(input, upload) : (input as Record<string, unknown>);
        const result = await runFalRequest(spec.model, endpointInput, ctx, options, generation);
        if (result.billableUnits) {
          // Billed in the unit of the price; priced here only at a billedPrice, else by core at the estimate's rate.
          const billed = billedPrice?.(input);
          const cost = {
            reported: `billable_units=${result.billableUnits}`,
            billed: [{ unit: (billed ?? spec.price).unit, quantity: Number(result.billableUnits), what: 'x-fal-billable-units' }],
          };
          ctx.reportActualCost(deriveActualCost(cost, billed && unitRate(billed)));
        }
        const artifacts = toArtifacts
          ? await toArtifacts(result, ctx)
          : await storeOutputUrls(ctx, collectUrls(result.data), { provider: 'fal', type: spec.artifactType, jobId: result.requestId });
        return { artifacts, providerJobId: result.requestId };
      },
    },
    generatorSettings(),
  );
}
