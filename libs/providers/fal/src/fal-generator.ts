import type { z } from 'zod';
import { generatorSettings } from '@boards/config';
import {
  collectUrls,
  defineGenerator,
  deriveActualCost,
  isKnownPrice,
  resolveUpload,
  storeOutputUrls,
  uploadDeclaredFiles,
  type Artifact,
  type Generator,
  type GeneratorContext,
  type GeneratorSpec,
  type Price,
  type UploadFields,
} from '@boards/core';
import { unitRate } from '@boards/cost';
import { falOptionsFor, type FalAdapterOptions } from './fal-client';
import { openFalGeneration, runFalRequest, uploadToFal, type FalResult } from './fal-queue';

export interface FalGeneratorSpec<Schema extends z.ZodType> extends Omit<GeneratorSpec<Schema>, 'provider' | 'run'> {
  /**
   * Input fields holding files fal reads by URL, with the media type each must be
   * (`{ image_urls: 'image' }`): every reference in them is resolved, checked against that type
   * and its size cap, and uploaded to fal storage; the endpoint gets the storage URLs. Default: none.
   */
  uploads?: UploadFields<z.output<Schema>>;
  /** Maps the validated input, its declared uploads done, to the endpoint's input. Default: the input unchanged. */
  toProviderInput?(input: z.output<Schema>): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Turns the result into artifacts. Default: every URL in the result downloaded as `artifactType`. */
  toArtifacts?(result: FalResult, ctx: GeneratorContext): Promise<Artifact[]>;
  /**
   * The price fal's billable units (`x-fal-billable-units`) are counted in, for the actual
   * cost of this input. Default: `price` (e.g. veo3 bills seconds at its audio rate when asked).
   * An unknown price prices nothing: the units are recorded in its unit when it names one.
   */
  billedPrice?(input: z.output<Schema>): Price;
  adapter?: FalAdapterOptions;
}

/** A generator for a fal endpoint: the package declares endpoint, schema, price and mapping; this does the queue protocol. */
export function defineFalGenerator<Schema extends z.ZodType>(spec: FalGeneratorSpec<Schema>): Generator<Schema> {
  const { uploads, toProviderInput, toArtifacts, billedPrice, adapter, ...declared } = spec;
  return defineGenerator(
    {
      ...declared,
      ...(uploads ? { mediaInputs: uploads } : {}),
      provider: 'fal',
      timeoutMs: adapter?.timeoutMs,
      async run(input, ctx) {
        // One client for the uploads and the request (key and base URL resolved once, from the context's settings).
        const options = falOptionsFor(ctx, adapter);
        const generation = openFalGeneration(options, ctx);
        const uploaded = await uploadDeclaredFiles(spec.id, input, uploads, async (ref, accept) => {
          const file = await resolveUpload(ctx, ref, accept);
          return uploadToFal(file.bytes, file.mimeType, file.fileName, ctx, options, generation);
        });
        const endpointInput = toProviderInput ? await toProviderInput(uploaded) : (uploaded as Record<string, unknown>);
        const result = await runFalRequest(spec.model, endpointInput, ctx, options, generation);
        if (result.billableUnits) {
          // Billed in the unit of the price; priced here only at a billedPrice, else by core at the estimate's rate.
          const billed = billedPrice?.(input);
          const unit = (billed ?? spec.price).unit;
          const cost = {
            reported: `billable_units=${result.billableUnits}`,
            ...(unit ? { billed: [{ unit, quantity: Number(result.billableUnits), what: 'x-fal-billable-units' }] } : {}),
          };
          ctx.reportActualCost(deriveActualCost(cost, billed && isKnownPrice(billed) ? unitRate(billed) : undefined));
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
