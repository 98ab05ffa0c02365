import type { FaultKind, FaultSpec, RecordedRequest } from './types';

const KINDS: readonly FaultKind[] = ['latency', 'status', 'reset', 'hang', 'malformed', 'job-failed', 'job-canceled', 'truncated', 'short', 'not-found'];
const JOB_KINDS: readonly FaultKind[] = ['job-failed', 'job-canceled'];
const TEST_ID = /^[\x21-\x7e][\x20-\x7e]{0,199}$/;

/** The request header that scopes faults and job durations to one test. */
export const TEST_ID_HEADER = 'x-boards-test-id';

/**
 * The test id a request carries in `x-boards-test-id` (trimmed; undefined when absent or empty).
 * Throws when it is not 1 to 200 printable ASCII characters.
 */
export function testIdOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const raw = headers[TEST_ID_HEADER];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) return undefined;
  if (!TEST_ID.test(value)) throw new TypeError(`the ${TEST_ID_HEADER} header must be 1 to 200 printable characters`);
  return value;
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

/** Checks and normalises a fault (also from JSON, where Infinity is written null or "Infinity"). */
export function parseFault(input: unknown, providers: readonly string[]): FaultSpec {
  // Every provider id a fault may name: the emulated APIs, the file downloads, and '*' for all.
  const PROVIDERS = [...providers, 'files', '*'];
  if (!input || typeof input !== 'object') throw new TypeError('fault must be an object');
  const f = input as Record<string, unknown>;
  if (!PROVIDERS.includes(f.provider as string)) throw new TypeError(`fault.provider must be one of ${PROVIDERS.join(', ')}`);
  if (!KINDS.includes(f.kind as FaultKind)) throw new TypeError(`fault.kind must be one of ${KINDS.join(', ')}`);
  if (f.operation !== undefined && typeof f.operation !== 'string') throw new TypeError('fault.operation must be a string');
  for (const key of ['status', 'retryAfterSeconds', 'latencyMs'] as const) {
    if (f[key] !== undefined && (typeof f[key] !== 'number' || !Number.isFinite(f[key]) || (f[key] as number) < 0)) {
      throw new TypeError(`fault.${key} must be a non-negative number`);
    }
  }
  if (f.status !== undefined && (!Number.isInteger(f.status) || (f.status as number) < 100 || (f.status as number) > 599)) {
    throw new TypeError('fault.status must be an HTTP status (100..599)');
  }
  if (f.testId !== undefined && (typeof f.testId !== 'string' || !TEST_ID.test(f.testId))) {
    throw new TypeError('fault.testId must be 1 to 200 printable characters (the x-boards-test-id header value)');
  }
  const times = f.times === null || f.times === 'Infinity' ? Infinity : f.times === undefined ? 1 : f.times;
  if (typeof times !== 'number' || !(times >= 1) || (Number.isFinite(times) && !Number.isInteger(times))) {
    throw new TypeError('fault.times must be a positive integer or Infinity');
  }
  return { ...(f as unknown as FaultSpec), times };
}

/** Registered faults, matched in registration order and consumed `times` times. */
export class FaultRegistry {
  private active: ActiveFault[] = [];

  /** `providers`: the ids of the emulated APIs a fault may name. */
  constructor(private readonly providers: readonly string[]) {}

  /** Adds a fault; `testId` (the x-boards-test-id of the control request) scopes it when the spec has none. */
  add(spec: FaultSpec, testId?: string): FaultSpec {
    const parsed = parseFault(spec.testId === undefined && testId !== undefined ? { ...spec, testId } : spec, this.providers);
    this.active.push({ spec: parsed, remaining: parsed.times ?? 1 });
    return parsed;
  }

  /** Removes every fault, or with `testId` only the faults scoped to that test. */
  clear(testId?: string): void {
    this.active = testId === undefined ? [] : this.active.filter((a) => a.spec.testId !== testId);
  }

  list(): FaultSpec[] {
    return this.active.map((a) => ({ ...a.spec, times: a.remaining }));
  }

  /**
   * Takes the first request-level fault matching this request, if any: unscoped faults match
   * every request, a fault scoped to a test only requests carrying that test id.
   */
  takeForRequest(provider: RecordedRequest['provider'], operation: string, testId?: string): FaultSpec | undefined {
    if (provider === 'control') return undefined;
    return this.take((s) => !JOB_KINDS.includes(s.kind) && matches(s, provider, operation, testId));
  }

  /** Takes the first job fault for the job `operation` is creating: the planned end of that job. */
  takeJobOutcome(provider: RecordedRequest['provider'], operation: string, testId?: string): 'failed' | 'canceled' | undefined {
    const fault = this.take((s) => JOB_KINDS.includes(s.kind) && matches(s, provider, operation, testId));
    return fault ? (fault.kind === 'job-failed' ? 'failed' : 'canceled') : undefined;
  }

  private take(predicate: (spec: FaultSpec) => boolean): FaultSpec | undefined {
    const found = this.active.find((a) => a.remaining > 0 && predicate(a.spec));
    if (!found) return undefined;
    found.remaining -= 1;
    if (found.remaining <= 0) this.active = this.active.filter((a) => a !== found);
    return found.spec;
  }
}

function matches(spec: FaultSpec, provider: string, operation: string, testId: string | undefined): boolean {
  return (
    (spec.provider === '*' || spec.provider === provider) &&
    (spec.operation === undefined || spec.operation === operation) &&
    (spec.testId === undefined || spec.testId === testId)
  );
}
