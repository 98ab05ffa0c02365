import type { z } from 'zod';
import type { Artifact, ArtifactType } from './artifacts';
import type { GeneratorContext } from './context';
import { CanceledError, InputValidationError, TimeoutError, type FieldIssue, type ProviderName } from './errors';
import { assertNotRetired, type ModelLifecycle } from './lifecycle';
import { deriveActualCost } from './actual-cost';
import type { CostEstimate, Price, UnitRate } from './pricing';
import type { BoardsSettings } from './settings';
import { DEFAULT_GENERATION_TIMEOUT_MS } from './timing';

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
  /**
   * Provider-free id of the underlying model ("google/nano-banana-edit"), optional. Generators
   * with the same family are routes of one model on different providers: the catalogue shows
   * them side by side and `boards describe` names the cheaper route.
   */
  family?: string;
  /**
   * Input fields that take media files, with the media type of each (`{ image_url: 'image' }`).
   * The fal and Kie adapters fill it from their `uploads`. Routes of one family compare only
   * generators that can take the same request: a family's text-to-video endpoint (no media) is not
   * a route of its image-to-video one (an image required).
   */
  mediaInputs?: Readonly<Partial<Record<string, ArtifactType>>>;
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
  /**
   * Deadline of one whole generation (submit, wait, download, store), in ms.
   * Default: the context's `settings.generationTimeoutMs` (without settings, what the adapters
   * resolve through @boards/config: BOARDS_GENERATION_TIMEOUT_MS), else 10 minutes.
   */
  timeoutMs?: number;
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

/** What defineGenerator asks of the layer above core (core reads no environment). */
export interface GeneratorSettings {
  /**
   * The settings of a generation whose context carries none, resolved once per generation, after
   * its input is found valid. Adapters pass @boards/config's `generatorSettings()` (the environment's,
   * BOARDS_GENERATOR_API_KEYS and .env, read then: the backward-compatible default). Default: none.
   */
  resolve?: () => BoardsSettings;
}

export function defineGenerator<Schema extends z.ZodType>(spec: GeneratorSpec<Schema>, settings: GeneratorSettings = {}): Generator<Schema> {
  const parseInput = (raw: unknown): z.output<Schema> => {
    const parsed = spec.inputSchema.safeParse(raw);
    if (!parsed.success) throw new InputValidationError(spec.id, issuesFromZod(parsed.error));
    return parsed.data;
  };
  const assertServable = () => assertNotRetired(spec);
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
      // Resolved once: the deadline, the adapter and the downloads all see the same settings.
      const resolved = context.settings ?? settings.resolve?.();
      const timeoutMs = spec.timeoutMs ?? resolved?.generationTimeoutMs ?? DEFAULT_GENERATION_TIMEOUT_MS;
      // What the provider reports is priced here, once for every adapter, at the input's own rate.
      const rate = rateOf(() => estimateCost(input));
      const costed: GeneratorContext = {
        ...context,
        settings: resolved,
        reportActualCost: (cost) => context.reportActualCost(deriveActualCost(cost, rate)),
      };
      const result = await withDeadline(costed, timeoutMs, (bounded) => run(input, bounded));
      context.progress({ progress: 1, phase: 'done' });
      return result;
    },
  };
}

/** The unit price of the input's estimate; none when it has none or fails (the report then stays as the provider gave it). */
function rateOf(estimate: () => CostEstimate): UnitRate | undefined {
  try {
    const e = estimate();
    return e.known ? e.rate : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `work` with a context whose signal also fires at the generation's deadline, so one
 * deadline covers every phase (a hanging download or input read included). A stop caused by
 * the deadline surfaces as a TimeoutError naming the provider job, never as a cancel.
 */
async function withDeadline<T>(context: GeneratorContext, timeoutMs: number, work: (bounded: GeneratorContext) => Promise<T>): Promise<T> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new TimeoutError('generation', timeoutMs)), timeoutMs);
  const signal = AbortSignal.any([context.signal, deadline.signal]);
  let jobId: string | undefined;
  let onAbort = () => undefined as void;
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(context.signal.aborted ? new CanceledError() : new TimeoutError('generation', timeoutMs, jobId));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  stopped.catch(() => undefined);
  const bounded: GeneratorContext = {
    ...context,
    signal,
    // Reading an input (a FIFO, a slow URL) cannot outlive the generation.
    resolveInput: (ref, options) => Promise.race([context.resolveInput(ref, options), stopped]),
    storeArtifact: (draft) => Promise.race([context.storeArtifact(draft), stopped]),
    setProviderJob(job) {
      jobId = job.jobId;
      context.setProviderJob(job);
    },
    throwIfAborted() {
      if (signal.aborted) throw context.signal.aborted ? new CanceledError() : new TimeoutError('generation', timeoutMs, jobId);
    },
  };
  try {
    return await work(bounded);
  } catch (error) {
    // The adapter saw its signal fire and canceled the job: that was the deadline, not the caller.
    if (deadline.signal.aborted && !context.signal.aborted && error instanceof CanceledError) {
      throw new TimeoutError('generation', timeoutMs, error.jobId ?? jobId);
    }
    throw error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

/** Any generator, whatever its schema: what registries and tools hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyGenerator = Generator<any>;
