import type { z } from 'zod';
import { generatorSettings } from '@boards/config';
import { defineGenerator, resolveUpload, storeOutputUrls, uploadDeclaredFiles } from '@boards/core';
import type { Artifact, Generator, GeneratorContext, GeneratorSpec, UploadFields } from '@boards/core';
import type { KieAdapterOptions } from './kie-client';
import { kieOptionsFor } from './kie-settings';
import { openKieClient, runKieTask, uploadToKie, type KieTaskResult } from './kie-task';

export interface KieGeneratorSpec<Schema extends z.ZodType> extends Omit<GeneratorSpec<Schema>, 'provider' | 'run'> {
  /**
   * Input fields holding files Kie reads by URL, with the media type each must be
   * (`{ image_urls: 'image' }`): every reference in them is resolved, checked against that type
   * and its size cap, and uploaded through Kie's file upload API; the task gets the downloadUrls.
   * Default: none.
   */
  uploads?: UploadFields<z.output<Schema>>;
  /** Maps the validated input, its declared uploads done, to the task's `input`. Default: the input unchanged. */
  toProviderInput?(input: z.output<Schema>): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Turns the finished task into artifacts. Default: every `resultUrls` entry downloaded as `artifactType`. */
  toArtifacts?(result: KieTaskResult, ctx: GeneratorContext): Promise<Artifact[]>;
  adapter?: KieAdapterOptions;
}

/** A generator for a Kie market model: the package declares model, schema, price and mapping; this does createTask / recordInfo. */
export function defineKieGenerator<Schema extends z.ZodType>(spec: KieGeneratorSpec<Schema>): Generator<Schema> {
  const { uploads, toProviderInput, toArtifacts, adapter, ...declared } = spec;
  return defineGenerator(
    {
      ...declared,
      ...(uploads ? { mediaInputs: uploads } : {}),
      provider: 'kie',
      timeoutMs: adapter?.timeoutMs,
      async run(input, ctx) {
        // One client for the uploads and the task (key and base URL resolved once, from the context's settings).
        const options = kieOptionsFor(ctx, adapter);
        const client = openKieClient(options, ctx);
        const uploaded = await uploadDeclaredFiles(spec.id, input, uploads, async (ref, accept) => {
          const file = await resolveUpload(ctx, ref, accept);
          return uploadToKie(file.bytes, file.mimeType, file.fileName, ctx, options, client);
        });
        const taskInput = toProviderInput ? await toProviderInput(uploaded) : (uploaded as Record<string, unknown>);
        const task = await runKieTask(spec.model, taskInput, ctx, options, client);
        // recordInfo reports time, not credits (those come only in callbacks), and the files made: an
        // image model bills per image, which core prices; processing time is not what Kie bills.
        const images = spec.artifactType === 'image' ? (task.result.resultUrls?.length ?? 0) : 0;
        // Market records carry costTime; the dedicated APIs' records report nothing of the kind.
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
