import type { z } from 'zod';
import { generatorSettings } from '@boards/config';
import { defineGenerator, resolveUpload, storeOutputUrls } from '@boards/core';
import type { Artifact, ArtifactType, Generator, GeneratorContext, GeneratorSpec } from '@boards/core';
import type { KieAdapterOptions } from './kie-client';
import { kieOptionsFor } from './kie-settings';
import { openKieClient, runKieTask, uploadToKie, type KieTaskResult } from './kie-task';

export interface KieGeneratorSpec<Schema extends z.ZodType> extends Omit<GeneratorSpec<Schema>, 'provider' | 'run'> {
  /**
   * Maps the validated input to the task's `input`. `upload` resolves an input artifact (path,
   * URL or storageUrl) and uploads it through Kie's file upload API, returning its downloadUrl;
   * with `accept`, a file of another media type or over that type's size cap is refused first.
   * Default: the input unchanged.
   */
  toProviderInput?(
    input: z.output<Schema>,
    upload: (ref: string, accept?: ArtifactType) => Promise<string>,
  ): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Turns the finished task into artifacts. Default: every `resultUrls` entry downloaded as `artifactType`. */
  toArtifacts?(result: KieTaskResult, ctx: GeneratorContext): Promise<Artifact[]>;
  adapter?: KieAdapterOptions;
}

/** A generator for a Kie market model: the package declares model, schema, price and mapping; this does createTask / recordInfo. */
export function defineKieGenerator<Schema extends z.ZodType>(spec: KieGeneratorSpec<Schema>): Generator<Schema> {
  const { toProviderInput, toArtifacts, adapter, ...declared } = spec;
  return defineGenerator(
    {
      ...declared,
      provider: 'kie',
      timeoutMs: adapter?.timeoutMs,
      async run(input, ctx) {
        // One client for the uploads and the task (key and base URL resolved once, from the context's settings).
        const options = kieOptionsFor(ctx, adapter);
        const client = openKieClient(options, ctx);
        const upload = async (ref: string, accept?: ArtifactType) => {
          const file = await resolveUpload(ctx, ref, accept);
          return uploadToKie(file.bytes, file.mimeType, file.fileName, ctx, options, client);
        };
        const taskInput = toProviderInput ? await toProviderInput(input, upload) : (input as Record<string, unknown>);
        const task = await runKieTask(spec.model, taskInput, ctx, options, client);
        // recordInfo reports time, not credits (those come only in callbacks), and the files made: an
        // image model bills per image, which core prices; processing time is not what Kie bills.
        const images = spec.artifactType === 'image' ? (task.result.resultUrls?.length ?? 0) : 0;
        if (typeof task.record.costTime === 'number') {
          const billed = images > 0 ? [{ unit: 'image' as const, quantity: images, what: 'resultUrls' }] : undefined;
          ctx.reportActualCost({ reported: `cost_time=${task.record.costTime / 1000}s`, ...(billed ? { billed } : {}) });
        }
        const artifacts = toArtifacts
          ? await toArtifacts(task, ctx)
          : await storeOutputUrls(ctx, task.result.resultUrls ?? [], { provider: 'kie', type: spec.artifactType, jobId: task.taskId });
        return { artifacts, providerJobId: task.taskId };
      },
    },
    generatorSettings(),
  );
}
