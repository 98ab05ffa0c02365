import type { z } from 'zod';
import type { Artifact, ArtifactType } from './artifacts';
import type { GeneratorContext } from './context';
import { InputValidationError, ModelRetiredError, type FieldIssue, type ProviderName } from './errors';
import { effectiveLifecycleStatus, type ModelLifecycle } from './lifecycle';
import type { CostEstimate, Price } from './pricing';

export interface GeneratorResult {
  artifacts: Artifact[];
  /** The provider's job id (prediction id, queue request id), when there was a job. */
  providerJobId?: string;
  /** Things the provider could not honour, reported instead of thrown. */
  warnings?: string[];
}

/** What a generator package declares. */
export interface GeneratorSpec<Schema extends z.ZodType> {
  /** Kebab-case id, the package name without scope: "flux-pro". */
  id: string;
  title: string;
  description: string;
  provider: ProviderName;
  /** The provider's model id: "black-forest-labs/flux-pro", "fal-ai/nano-banana", "whisper-1". */
  model: string;
  artifactType: ArtifactType;
  /** Strict zod schema: unknown fields are errors, not silently dropped. */
  inputSchema: Schema;
  price: Price;
  lifecycle?: ModelLifecycle;
  /**
   * Input fields the generator sends under another name (whisper: `{audio: 'file'}`), or not at
   * all (null); every other field is sent as named. The schema-drift check compares what is sent.
   */
  sentAs?: Readonly<Record<string, string | null>>;
  /** The cheapest valid input: used by live tests, canaries and the CLI's example. */
  cheapestInput: z.input<Schema>;
  /** Estimate from the validated input, i.e. what will actually be sent. */
  estimateCost(input: z.output<Schema>): CostEstimate;
  /** Does the work. Input is already validated and the model is known to be servable. */
  run(input: z.output<Schema>, context: GeneratorContext): Promise<GeneratorResult>;
}

export interface Generator<Schema extends z.ZodType = z.ZodType> extends Omit<GeneratorSpec<Schema>, 'run' | 'estimateCost'> {
  /** Validates raw input; throws InputValidationError naming every bad field. */
  parseInput(raw: unknown): z.output<Schema>;
  /** Validates, then estimates. */
  estimateCost(raw: unknown): CostEstimate;
  /** Validates, checks the model is not retired, then generates. Nothing is sent for bad input. */
  generate(raw: unknown, context: GeneratorContext): Promise<GeneratorResult>;
}

export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const field = issue.path.map(String).join('.');
    // Unknown keys are reported once on their parent: name each of them instead.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: field ? `${field}.${key}` : key, message: `unknown field "${key}"` }));
    }
    return [{ field, message: issue.message }];
  });
}

export function defineGenerator<Schema extends z.ZodType>(spec: GeneratorSpec<Schema>): Generator<Schema> {
  const parseInput = (raw: unknown): z.output<Schema> => {
    const parsed = spec.inputSchema.safeParse(raw);
    if (!parsed.success) throw new InputValidationError(spec.id, issuesFromZod(parsed.error));
    return parsed.data;
  };
  const assertServable = () => {
    if (effectiveLifecycleStatus(spec.lifecycle) === 'retired') {
      throw new ModelRetiredError({
        generatorId: spec.id,
        model: spec.model,
        retiredOn: spec.lifecycle?.retiredOn ?? 'an earlier date',
        successor: spec.lifecycle?.successor,
      });
    }
  };
  const { run, estimateCost, ...declared } = spec;
  return {
    ...declared,
    parseInput,
    estimateCost: (raw) => estimateCost(parseInput(raw)),
    async generate(raw, context) {
      assertServable();
      const input = parseInput(raw);
      context.throwIfAborted();
      context.progress({ progress: 0, phase: 'validating' });
      const result = await run(input, context);
      context.progress({ progress: 1, phase: 'done' });
      return result;
    },
  };
}

/** Any generator, whatever its schema: what registries and tools hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyGenerator = Generator<any>;
