/**
 * One family of errors for every package edge. Each error carries a stable `code`
 * that scripts and the CLI can switch on, and is recognised by a branded marker
 * (`BoardsError.isInstance`) so duplicate copies of this package still agree.
 */
import { redactProviderText, redactSecrets } from './secrets';

const BRAND = Symbol.for('@boards/core/BoardsError');

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'MISSING_KEY'
  | 'INVALID_CONFIG'
  | 'PROVIDER_ERROR'
  | 'GENERATION_FAILED'
  | 'TIMEOUT'
  | 'CANCELED'
  | 'CANCEL_UNCONFIRMED'
  | 'BUDGET_EXCEEDED'
  | 'MODEL_RETIRED'
  | 'UNKNOWN_GENERATOR'
  | 'UNSUPPORTED';

export type { ProviderName } from './provider';
import type { ProviderName } from './provider';

export class BoardsError extends Error {
  readonly [BRAND] = true;
  readonly code: ErrorCode;
  /** True when repeating the same request may succeed. */
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(redactSecrets(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
  }

  static isInstance(value: unknown): value is BoardsError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `num_images` or `image_urls.0`. */
  field: string;
  message: string;
}

export class InputValidationError extends BoardsError {
  readonly generatorId: string;
  readonly issues: FieldIssue[];
  constructor(generatorId: string, issues: FieldIssue[]) {
    const list = issues.map((i) => `${i.field || '(input)'}: ${i.message}`).join('; ');
    super('INVALID_INPUT', `Invalid input for ${generatorId}: ${list}`);
    this.generatorId = generatorId;
    // Messages can quote the bad value, and a pasted key is a bad value like any other.
    this.issues = issues.map((i) => ({ field: redactSecrets(i.field), message: redactSecrets(i.message) }));
  }
  get fields(): string[] {
    return this.issues.map((i) => i.field);
  }
}

export class MissingKeyError extends BoardsError {
  readonly variable: string;
  constructor(variable: string, hint?: string) {
    super('MISSING_KEY', `Missing ${variable}${hint ? `: ${hint}` : ''}`);
    this.variable = variable;
  }
}

export class InvalidConfigError extends BoardsError {
  readonly setting: string;
  constructor(setting: string, problem: string) {
    super('INVALID_CONFIG', `Invalid ${setting}: ${problem}`);
    this.setting = setting;
  }
}

export interface ProviderErrorDetails {
  provider: ProviderName;
  /** HTTP status, when the provider answered at all. */
  status?: number;
  /** The provider's request id (x-request-id or equivalent), when it sent one. */
  requestId?: string;
  /** The provider's job id (prediction id, queue request id) when a job exists. */
  jobId?: string;
  retryable?: boolean;
  /** Seconds the provider asked us to wait (Retry-After). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class ProviderError extends BoardsError {
  readonly provider: ProviderName;
  readonly status?: number;
  readonly requestId?: string;
  readonly jobId?: string;
  readonly retryAfterSeconds?: number;
  constructor(message: string, details: ProviderErrorDetails) {
    const where = [
      details.status !== undefined ? `status ${details.status}` : undefined,
      details.requestId ? `request ${details.requestId}` : undefined,
      details.jobId ? `job ${details.jobId}` : undefined,
    ].filter(Boolean);
    super('PROVIDER_ERROR', redactProviderText(`${details.provider}: ${message}${where.length ? ` (${where.join(', ')})` : ''}`), {
      retryable: details.retryable,
      cause: details.cause,
    });
    this.provider = details.provider;
    this.status = details.status;
    // Both came from the provider: one that echoes a key fragment must not get it printed.
    this.requestId = details.requestId === undefined ? undefined : redactProviderText(details.requestId);
    this.jobId = details.jobId === undefined ? undefined : redactProviderText(details.jobId);
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

export class GenerationFailedError extends BoardsError {
  readonly provider: ProviderName;
  readonly jobId?: string;
  constructor(provider: ProviderName, reason: string, jobId?: string) {
    super('GENERATION_FAILED', redactProviderText(`${provider} generation failed${jobId ? ` (job ${jobId})` : ''}: ${reason}`));
    this.provider = provider;
    this.jobId = jobId === undefined ? undefined : redactProviderText(jobId);
  }
}

export class TimeoutError extends BoardsError {
  readonly operation: string;
  readonly timeoutMs: number;
  readonly jobId?: string;
  constructor(operation: string, timeoutMs: number, jobId?: string) {
    super('TIMEOUT', `${operation} did not finish within ${timeoutMs} ms${jobId ? ` (job ${jobId})` : ''}`, {
      retryable: true,
    });
    this.operation = operation;
    this.timeoutMs = timeoutMs;
    this.jobId = jobId;
  }
}

export class CanceledError extends BoardsError {
  readonly jobId?: string;
  constructor(message = 'Generation was canceled', jobId?: string) {
    super('CANCELED', jobId ? `${message} (job ${jobId})` : message);
    this.jobId = jobId;
  }
}

/**
 * Stopped here, but the provider did not confirm the cancel (it failed or did not answer in
 * time): the job may still be running, and billed. Names the job so it can be canceled by hand.
 */
export class CancelUnconfirmedError extends BoardsError {
  readonly provider: ProviderName;
  readonly jobId: string;
  constructor(provider: ProviderName, jobId: string, reason: string) {
    super(
      'CANCEL_UNCONFIRMED',
      `Stopped, but the ${provider} cancel of job ${jobId} was not confirmed (${reason}): ` +
        `the job may still be running and billed; cancel it in the ${provider} dashboard or API`,
    );
    this.provider = provider;
    this.jobId = jobId;
  }
}

export class BudgetExceededError extends BoardsError {
  readonly spentUsd: string;
  readonly requestedUsd: string;
  readonly limitUsd: string;
  /** `variable`: the setting that raises this limit (default BOARDS_LIVE_BUDGET_USD). */
  constructor(details: { generatorId: string; spentUsd: string; requestedUsd: string; limitUsd: string; reason?: string; variable?: string }) {
    // An unknown cost exceeds nothing: it is refused as unknown (the reason says how to allow it), never priced as $0.
    const unknown = details.requestedUsd === 'unknown';
    super(
      'BUDGET_EXCEEDED',
      unknown
        ? `Live budget refused ${details.generatorId}: ${details.reason ?? 'the cost is unknown'} (spent $${details.spentUsd} of the limit $${details.limitUsd}).`
        : `Live budget refused ${details.generatorId}: spent $${details.spentUsd} + requested $${details.requestedUsd} ` +
            `exceeds the limit $${details.limitUsd}${details.reason ? ` (${details.reason})` : ''}. ` +
            `Raise ${details.variable ?? 'BOARDS_LIVE_BUDGET_USD'} to allow more.`,
    );
    this.spentUsd = details.spentUsd;
    this.requestedUsd = details.requestedUsd;
    this.limitUsd = details.limitUsd;
  }
}

export class ModelRetiredError extends BoardsError {
  readonly generatorId: string;
  readonly model: string;
  readonly successor?: string;
  constructor(details: { generatorId: string; model: string; retiredOn: string; successor?: string }) {
    super(
      'MODEL_RETIRED',
      `${details.generatorId}: model ${details.model} was retired by its provider on ${details.retiredOn}` +
        (details.successor ? `; use ${details.successor} instead` : ''),
    );
    this.generatorId = details.generatorId;
    this.model = details.model;
    this.successor = details.successor;
  }
}

export class UnknownGeneratorError extends BoardsError {
  constructor(id: string, known: string[]) {
    super('UNKNOWN_GENERATOR', `Unknown generator "${id}". Known: ${known.join(', ') || '(none)'}`);
  }
}

/** Wraps anything thrown by foreign code so that no bare Error crosses a package edge. */
export function toBoardsError(error: unknown, provider: ProviderName): BoardsError {
  if (BoardsError.isInstance(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError(message, { provider, retryable: false, cause: error });
}
