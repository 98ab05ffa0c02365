import type { z } from 'zod';
import { generatorSettings } from '@boards/config';
import { defineGenerator, type Generator, type GeneratorContext, type GeneratorResult, type GeneratorSpec } from '@boards/core';

export interface OpenAIGeneratorSpec<Schema extends z.ZodType> extends Omit<GeneratorSpec<Schema>, 'provider'> {
  /** Calls one of the adapter's operations (generateOpenAIImages, transcribeWithOpenAI). */
  run(input: z.output<Schema>, ctx: GeneratorContext): Promise<GeneratorResult>;
}

/** A generator for an OpenAI model. OpenAI calls are synchronous, so the package picks the operation. */
export function defineOpenAIGenerator<Schema extends z.ZodType>(spec: OpenAIGeneratorSpec<Schema>): Generator<Schema> {
  return defineGenerator({ ...spec, provider: 'openai' }, generatorSettings());
}
