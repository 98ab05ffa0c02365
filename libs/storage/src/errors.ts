import { BoardsError, type ArtifactType, type ErrorCode } from '@boards/core';
import { describeRef } from './describe-ref';
import { MAX_INPUT_BYTES } from './input-limits';

/**
 * An input ref that could not be read: unreadable file, malformed data: URL, failed download.
 * Code INVALID_INPUT because the ref is part of the caller's input; `retryable` is set when
 * the server said try again (408, 429, 5xx) or the network failed.
 */
export class ArtifactResolveError extends BoardsError {
  /** The ref as safe to print (truncated, no query string, no data: payload). */
  readonly ref: string;
  /** What is wrong, without the ref ("is not audio (no known audio signature)"): a caller can name the ref its own way. */
  readonly problem: string;
  /** HTTP status of a failed download. */
  readonly status?: number;
  constructor(ref: string, problem: string, options: { status?: number; retryable?: boolean; cause?: unknown; code?: ErrorCode } = {}) {
    const shown = describeRef(ref);
    super(options.code ?? 'INVALID_INPUT', `Cannot read input ${shown}: ${problem}`, {
      retryable: options.retryable,
      cause: options.cause,
    });
    this.ref = shown;
    this.problem = problem;
    this.status = options.status;
  }
}

/** The ref names a file or URL that does not exist (ENOENT, HTTP 404/410). */
export class ArtifactNotFoundError extends ArtifactResolveError {
  constructor(ref: string, options: { status?: number; cause?: unknown } = {}) {
    super(ref, options.status ? `not found (HTTP ${options.status})` : 'no such file', options);
  }
}

/** A draft the store cannot turn into a valid artifact (e.g. an image of unknown size). */
export class InvalidArtifactError extends BoardsError {
  readonly generatorId: string;
  constructor(generatorId: string, problem: string) {
    super('GENERATION_FAILED', `${generatorId} produced an invalid artifact: ${problem}`);
    this.generatorId = generatorId;
  }
}

const mib = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;

/**
 * An input over its size cap: refused before it is read further or uploaded. `limitFor` names
 * the media type whose cap applied, or the accepted types when the input's own type is not
 * known yet; `size` is undefined when only a stream said so.
 */
export function tooLarge(ref: string, size: number | undefined, maxBytes: number, limitFor: ArtifactType | readonly ArtifactType[] = []): ArtifactResolveError {
  const types = ([] as ArtifactType[]).concat(limitFor);
  const limit =
    types.length > 1
      ? `the limits for ${types.join(' or ')} inputs (${types.map((t) => `${mib(MAX_INPUT_BYTES[t])} for ${t}`).join(', ')})`
      : `the ${mib(maxBytes)} limit for ${types.length === 1 ? `${types[0]} inputs` : 'this input'}`;
  return new ArtifactResolveError(ref, size === undefined ? `is larger than ${limit}` : `is ${mib(size)}, over ${limit}`);
}
